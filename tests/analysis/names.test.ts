import { describe, expect, it } from 'vitest';
import { isAuthFunctionName, isDisclosingName, isEntityName, isPasswordName, isSecretName, isSensitiveFieldName, isTokenName, nameWords } from '../../src/analysis/core/names.js';

describe('nameWords', () => {
  it.each([
    ['access_token', ['access', 'token']],
    ['AccessToken', ['access', 'token']],
    ['accessToken', ['access', 'token']],
    ['x-auth-token', ['x', 'auth', 'token']],
    ['JWT_TOKEN', ['jwt', 'token']],
    ['APIKey', ['api', 'key']],
    ['apikey', ['api', 'key']],
    ['authtoken', ['auth', 'token']],
    ['oauth2Token', ['oauth', 'token']],
    ['myapp:jwt', ['myapp', 'jwt']],
    ['app.session.id', ['app', 'session', 'id']],
    ['tokenizer', ['tokenizer']],
    ['', []],
    ['__', []],
  ])('%s', (name, words) => {
    expect(nameWords(name)).toEqual(words);
  });
});

describe('isTokenName', () => {
  it.each([
    'token', 'jwt', 'JWT', 'tokens', 'accessToken', 'access_token', 'AccessToken', 'ACCESS_TOKEN', 'refreshToken',
    'refresh-token', 'idToken', 'id_token', 'authToken', 'auth_token', 'authtoken', 'x-auth-token', 'X-Access-Token',
    'bearer', 'bearerToken', 'jwtToken', 'userJwt', 'session', 'userSession', 'sessionId', 'session_id', 'sessionToken',
    'csrfToken', 'authorization', 'Authorization', 'tokenString', 'token_value', 'rawJwt', 'myapp.token', 'apiToken',
    'resetToken', 'oauth2Token',
  ])('matches %s', (name) => {
    expect(isTokenName(name)).toBe(true);
  });

  it.each([
    'tokenizer', 'tokenize', 'tokenized', 'tokenCount', 'token_count', 'tokenType', 'token_type', 'tokenExpiry',
    'tokenExpiresAt', 'tokenId', 'tokenizerSettings', 'maxTokens', 'max_tokens', 'numTokens', 'inputTokens',
    'completion_tokens', 'nextPageToken', 'pageToken', 'cancelToken', 'CancelToken', 'cancellationToken',
    'deviceToken', 'pushToken', 'fcmToken', 'captchaToken', 'recaptchaToken', 'designTokens', 'colorTokens',
    'isTokenValid', 'hasToken', 'validateToken', 'verifyToken', 'sessionStorage', 'sessionTimeout', 'sessionCount',
    'theme', 'locale', 'tokenUrl', 'jwtSecret', 'jwtOptions', 'authorizationUrl', 'sessions_per_user', 'bearerFormat',
    'apiKey', 'password', 'stopToken', '',
  ])('does not match %s', (name) => {
    expect(isTokenName(name)).toBe(false);
  });
});

describe('isSecretName', () => {
  it.each([
    'secret', 'SECRET', 'jwtSecret', 'JWT_SECRET', 'clientSecret', 'client_secret', 'sessionSecret', 'password',
    'dbPassword', 'DB_PASSWORD', 'passwd', 'pwd', 'pass', 'passphrase', 'apiKey', 'api_key', 'x-api-key', 'API_KEY',
    'apikey', 'privateKey', 'private_key', 'secretKey', 'secretAccessKey', 'AWS_SECRET_ACCESS_KEY', 'signingKey',
    'encryptionKey', 'accessToken', 'token', 'authToken', 'stripeSecretKey', 'pepper', 'secrets',
  ])('matches %s', (name) => {
    expect(isSecretName(name)).toBe(true);
  });

  it.each([
    'publicKey', 'public_key', 'accessKeyId', 'AWS_ACCESS_KEY_ID', 'secretName', 'secretArn', 'secretsManager',
    'passwordPolicy', 'passwordMinLength', 'credentials', 'key', 'keyId', 'session', 'hasSecret', 'showPassword',
    'isPasswordValid', 'passwordField', 'tokenizer', 'maxTokens', 'passage', 'bypass', 'compass', 'secretary', '',
  ])('does not match %s', (name) => {
    expect(isSecretName(name)).toBe(false);
  });
});

describe('isSensitiveFieldName', () => {
  it.each([
    'password', 'passwordHash', 'password_hash', 'passwordhash', 'hashedPassword', 'hash', 'salt', 'passwordSalt',
    'ssn', 'SSN', 'socialSecurityNumber', 'social_security_number', 'creditCard', 'credit_card', 'creditCardNumber',
    'cardNumber', 'card_number', 'cvv', 'cvc', 'secret', 'mfaSecret', 'totpSecret', 'apiKey', 'privateKey', 'otp',
    'otpCode', 'pin', 'pinCode', 'recoveryCodes', 'backup_codes', 'resetToken', 'passwordResetToken', 'verificationToken',
    'securityCode', 'newPassword', 'confirmPassword', 'passwordConfirmation',
  ])('matches %s', (name) => {
    expect(isSensitiveFieldName(name)).toBe(true);
  });

  it.each([
    'passwordPolicy', 'passwordChangedAt', 'passwordUpdatedAt', 'passwordExpiresAt', 'passwordLength', 'hashtag',
    'hashtags', 'fileHash', 'commitHash', 'contentHash', 'hashAlgorithm', 'saltRounds', 'id', 'sub', 'role', 'email',
    'name', 'username', 'accessToken', 'refreshToken', 'token', 'publicKey', 'cardholderName', 'cardBrand',
    'lastFour', 'secretName', 'hasPassword', 'isOtpEnabled', 'otpEnabled', 'pinned', 'spin', 'phoneNumber',
    'orderNumber', 'codeVerifier', '',
  ])('does not match %s', (name) => {
    expect(isSensitiveFieldName(name)).toBe(false);
  });
});

describe('isAuthFunctionName', () => {
  it.each([
    'authenticate', 'authenticateUser', 'auth', 'authMiddleware', 'requireAuth', 'isAuthorized', 'checkAuth',
    'verifyToken', 'verifyJwt', 'authorize', 'canActivate', 'getCurrentUser', 'ensureLoggedIn', 'requireUser',
    'login', 'handleLogin',
  ])('matches %s', (name) => {
    expect(isAuthFunctionName(name)).toBe(true);
  });

  it.each(['author', 'authorName', 'oauthCallback', 'getUser', 'parseHeaders', 'formatDate', 'logToken', 'debugToken', 'current', ''])(
    'does not match %s',
    (name) => {
      expect(isAuthFunctionName(name)).toBe(false);
    },
  );
});

describe('isEntityName', () => {
  it.each([
    'user', 'User', 'foundUser', 'dbUser', 'existing_user', 'newUser', 'account', 'customer', 'userDoc', 'userRecord',
    'userData', 'member', 'admin', 'profile', 'users', 'currentUser', 'userObj', 'patient',
  ])('matches %s', (name) => {
    expect(isEntityName(name)).toBe(true);
  });

  it.each([
    'userId', 'user_id', 'userName', 'username', 'userRole', 'userAgent', 'userCount', 'isUser', 'hasAccount',
    'customerId', 'accountNumber', 'userEmail', 'payload', 'claims', 'tokenPayload', 'maxUsers', 'adminUrl', '',
  ])('does not match %s', (name) => {
    expect(isEntityName(name)).toBe(false);
  });
});

describe('isPasswordName', () => {
  it.each([
    'password', 'PASSWORD', 'newPassword', 'oldPassword', 'plainPassword', 'user_password', 'passwd', 'pwd', 'pw',
    'passphrase', 'passcode', 'passwordConfirm', 'password_plain', 'pass', 'passwords',
  ])('matches %s', (name) => {
    expect(isPasswordName(name)).toBe(true);
  });

  it.each([
    'passwordHash', 'hashedPassword', 'encryptedPassword', 'generatedPassword', 'randomPassword', 'passwordPolicy',
    'passwordResetToken', 'passwordChangedAt', 'isPassword', 'showPassword', 'hashPassword', 'passport', 'bypass',
    'compass', 'passage', 'secret', 'apiKey', '',
  ])('does not match %s', (name) => {
    expect(isPasswordName(name)).toBe(false);
  });
});

describe('isDisclosingName', () => {
  it.each(['password', 'pwd', 'clientSecret', 'apiKey', 'x-api-key', 'accessToken', 'authorization', 'cardNumber', 'cvv', 'resetToken', 'passwordHash', 'cookie', 'authCookie', 'authHeader', 'DB_PASSWORD'])(
    '%s discloses',
    (name) => {
      expect(isDisclosingName(name)).toBe(true);
    },
  );
  it.each(['sessionId', 'publicSessionId', 'hash', 'salt', 'pin', 'tokenCount', 'tokenType', 'passwordPolicy', 'cookieOptions', 'credentials', 'authHeaderScheme', 'key', 'secretName'])(
    '%s does not',
    (name) => {
      expect(isDisclosingName(name)).toBe(false);
    },
  );
});
