import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/no-jwt-in-browser-storage.js';
import { acrossParsers, cjs, esm, jsx, ts, tsx } from '../helpers.js';
import { JWT_DECODE_REFRESH_TIMER } from './token-modules.js';

const ruleTester = new RuleTester();

ruleTester.run('no-jwt-in-browser-storage', rule, {
  valid: [
    // Non-secret keys and values.
    `localStorage.setItem('theme', 'dark');`,
    `localStorage.setItem('locale', navigator.language);`,
    `localStorage.setItem('tokenizerSettings', JSON.stringify(settings));`,
    `sessionStorage.setItem('token_expiry', String(expiresAt));`,
    `localStorage.setItem('sidebarCollapsed', 'true');`,
    `window.localStorage.setItem('lastVisitedPage', location.pathname);`,
    `localStorage.setItem('maxTokens', String(maxTokens));`,
    `localStorage.setItem('nextPageToken', nextPageToken);`,
    `localStorage.setItem('user', JSON.stringify({ id: user.id, name: user.name }));`,
    `localStorage.theme = 'dark';`,
    `localStorage['color-scheme'] = scheme;`,
    `const THEME_KEY = 'app_theme'; localStorage.setItem(THEME_KEY, theme);`,
    `localStorage.setItem('user', JSON.stringify(user));`,
    `localStorage.setItem('tokenExpiresAt', String(exp));`,
    `localStorage.setItem('tokens_used', String(count));`,
    `sessionStorage.setItem('redirectAfterLogin', location.href);`,
    `localStorage.setItem('hasSession', 'true');`,
    `localStorage.setItem('isLoggedIn', 'true');`,
    `localStorage.setItem('session_timeout', '30');`,
    `localStorage.setItem('lastTokenRefresh', String(Date.now()));`,
    `localStorage.setItem('pushToken', fcmToken);`,
    `localStorage.setItem('deviceToken', registration.deviceId);`,
    `localStorage.setItem('authMethod', 'password');`,
    `localStorage.setItem(TOKEN_TYPE_KEY, 'Bearer');`,
    `class Prefs { save(v) { localStorage.setItem(this.THEME_KEY, v); } }`,
    // OAuth state and PKCE verifiers belong in sessionStorage until the redirect returns.
    `sessionStorage.setItem('oauth_state', state);`,
    `sessionStorage.setItem('pkce_code_verifier', verifier);`,
    `sessionStorage.setItem('nonce', nonce);`,
    // Unknown or other storages: React Native, Expo, cookies, caches, parameters.
    `import AsyncStorage from '@react-native-async-storage/async-storage'; await AsyncStorage.setItem('token', token);`,
    `import * as SecureStore from 'expo-secure-store'; await SecureStore.setItemAsync('token', token);`,
    `function persist(storage, token) { storage.setItem('token', token); }`,
    `import store from './store'; store.set('token', token);`,
    `localStorage.setItem('cart', JSON.stringify(cart.items));`,
    `localStorage.setItem('lang', i18n.language);`,
    `sessionStorage.setItem('scrollY', String(window.scrollY));`,
    `localStorage.setItem('onboarding:done', '1');`,
    `localStorage.setItem('user', JSON.stringify(res.data));`,
    `globalThis.localStorage.setItem('feature-flags', JSON.stringify(flags));`,
    // Removing and reading are fine.
    `self.localStorage.removeItem('refresh_token');`,
    `Object.keys(localStorage).filter((k) => k.startsWith('app:')).forEach((k) => localStorage.removeItem(k));`,
    `window.sessionStorage.getItem('jwt');`,
    `localStorage.removeItem('token');`,
    `sessionStorage.removeItem('accessToken'); localStorage.clear();`,
    `const token = localStorage.getItem('token');`,
    `const jwt = localStorage.jwt; fetch('/api', { headers: { Authorization: 'Bearer ' + jwt } });`,
    `if (localStorage['token']) { redirect('/home'); }`,
    // CSRF tokens are meant to be readable by the page.
    `localStorage.setItem('csrfToken', csrfToken);`,
    `sessionStorage.setItem('XSRF-TOKEN', res.headers['x-xsrf-token']);`,
    // A local variable named like the global is not the browser's storage.
    `const localStorage = new Map(); localStorage.setItem('token', token);`,
    `function save(localStorage, token) { localStorage.setItem('token', token); }`,
    `class MemoryStore { setItem(k, v) {} } const sessionStorage = new MemoryStore(); sessionStorage.setItem('jwt', jwt);`,
    `const window = { localStorage: new Map() }; window.localStorage.setItem('token', token);`,
    // Other setItem / set methods.
    `cache.setItem('token', token);`,
    `map.set('token', token);`,
    `params.set('token', token);`,
    `headers.set('Authorization', 'Bearer ' + token);`,
    // Storage members are not items.
    `localStorage.setItem = function (key, value) { originalSetItem.call(this, key, value); };`,
    // Strange code.
    `localStorage.setItem();`,
    `localStorage.setItem(...args);`,
    `localStorage[key] = value;`,
    `localStorage?.setItem?.('theme', 'light');`,
    `localStorage.setItem(\`pref_\${name}\`, value);`,
    // Wrappers whose calls store non-secrets.
    `function save(key, value) { localStorage.setItem(key, JSON.stringify(value)); } save('theme', 'dark');`,
    `const storage = { set(key, value) { localStorage.setItem(key, value); } }; storage.set('locale', 'fr');`,
    // Storage libraries with non-secret keys.
    `import localforage from 'localforage'; localforage.setItem('drafts', drafts);`,
    `import { useLocalStorage } from 'usehooks-ts'; const [theme, setTheme] = useLocalStorage('theme', 'light');`,
    `import { useLocalStorage } from '@mantine/hooks'; const [scheme] = useLocalStorage({ key: 'color-scheme', defaultValue: 'dark' });`,
    `import { useStorage } from '@vueuse/core'; const state = useStorage('vue-use-locale', 'en');`,
    // Not the library: a local function named like a hook.
    `function useLocalStorage(key, initial) { return [initial, () => {}]; } useLocalStorage('token', '');`,
    // Server side: the right place for the token.
    {
      code: `app.post('/login', async (req, res) => { const token = await issue(req.body); res.cookie('token', token, { httpOnly: true, secure: true, sameSite: 'lax' }); res.sendStatus(204); });`,
      languageOptions: cjs,
    },
    {
      code: `export function ThemeToggle() { return <button onClick={() => localStorage.setItem('theme', next)}>Toggle</button>; }`,
      languageOptions: jsx,
    },
    {
      code: `const Settings = (): JSX.Element => { useEffect(() => { sessionStorage.setItem('tab', String(tab)); }, [tab]); return <div />; };`,
      languageOptions: tsx,
    },
    // Whole front-end modules (React, Vue, Angular, CSRF tokens, design tokens, analytics ids)
    { code: `const APP = 'shop';
export function remember(cart, count) {
  localStorage.setItem(\`\${APP}_cart\`, JSON.stringify(cart));
  localStorage.setItem(\`\${APP}_tokenCount\`, String(count));
  localStorage.setItem(APP + ':token_expiry', String(Date.now()));
}`, languageOptions: esm },
    { code: JWT_DECODE_REFRESH_TIMER, languageOptions: ts },
    { code: `import { useEffect, useState } from 'react';

const THEME_KEY = 'app.theme';
const LAST_ROUTE_KEY = 'lastRoute';

export function ThemeToggle() {
  const [theme, setTheme] = useState(() => localStorage.getItem(THEME_KEY) ?? 'light');
  useEffect(() => {
    localStorage.setItem(THEME_KEY, theme);
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  return <button onClick={() => setTheme(theme === 'light' ? 'dark' : 'light')}>{theme}</button>;
}

export function rememberRoute(path: string) {
  sessionStorage.setItem(LAST_ROUTE_KEY, path);
  localStorage.setItem('locale', navigator.language);
  localStorage.setItem('sidebarCollapsed', JSON.stringify(true));
  localStorage.setItem('tokenCount', String(42));
  localStorage.setItem('nextPageToken', 'abc');
  window.localStorage.setItem('onboarding:done', '1');
}

export function logout() {
  localStorage.removeItem('token');
  sessionStorage.clear();
  const t = localStorage.getItem('accessToken');
  return t;
}

export function Csrf({ csrfToken }: { csrfToken: string }) {
  sessionStorage.setItem('csrfToken', csrfToken);
  localStorage.setItem('XSRF-TOKEN', csrfToken);
  return <input type="hidden" name="_csrf" value={csrfToken} />;
}`, languageOptions: tsx },
    { code: `import { defineStore } from 'pinia';
import { useLocalStorage, useStorage } from '@vueuse/core';

export const usePrefs = defineStore('prefs', () => {
  const theme = useLocalStorage('theme', 'dark');
  const lang = useStorage('lang', 'en');
  const tokenizerModel = useLocalStorage('tokenizerModel', 'cl100k');
  return { theme, lang, tokenizerModel };
});

export const useAuth = defineStore('auth', {
  state: () => ({ user: null as null | { id: string }, isAuthenticated: false }),
  actions: {
    async login(email: string, password: string) {
      const res = await fetch('/api/login', { method: 'POST', credentials: 'include', body: JSON.stringify({ email, password }) });
      const { user } = await res.json();
      this.user = user;
      this.isAuthenticated = true;
      localStorage.setItem('user', JSON.stringify({ id: user.id, name: user.name }));
      localStorage.setItem('isLoggedIn', 'true');
      localStorage.setItem('tokenExpiresAt', String(Date.now() + 900_000));
    },
  },
});`, languageOptions: ts },
    { code: `import { Injectable } from '@angular/core';
import { HttpClient } from '@angular/common/http';

@Injectable({ providedIn: 'root' })
export class PreferencesService {
  private readonly storageKey = 'prefs';
  constructor(private http: HttpClient) {}

  save(prefs: { theme: string; density: string }) {
    localStorage.setItem(this.storageKey, JSON.stringify(prefs));
  }

  saveDeviceToken(deviceToken: string) {
    localStorage.setItem('fcmDeviceToken', deviceToken);
  }

  rememberCaptcha(captchaToken: string) {
    sessionStorage.setItem('captcha', captchaToken);
  }

  sessionStart() {
    sessionStorage.setItem('sessionStartedAt', new Date().toISOString());
    sessionStorage.setItem('sessionTimeout', '900');
  }
}`, languageOptions: ts },
    { code: `import React from 'react';

export function LoginForm({ onDone }: { onDone: () => void }) {
  async function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const res = await fetch('/api/login', { method: 'POST', body: form, credentials: 'include' });
    if (!res.ok) return;
    const { user, expiresAt } = await res.json();
    sessionStorage.setItem('profile', JSON.stringify({ name: user.name, avatar: user.avatarUrl }));
    localStorage.setItem('sessionExpiresAt', expiresAt);
    onDone();
  }
  return <form onSubmit={submit}><input name="email" /><input name="password" type="password" /></form>;
}`, languageOptions: tsx },
    { code: `const storage = {
  get(key) { return JSON.parse(localStorage.getItem(key) || 'null'); },
  set(key, value) { localStorage.setItem(key, JSON.stringify(value)); },
};

export function savePrefs(prefs) {
  storage.set('prefs', prefs);
  storage.set('recentSearches', prefs.recent);
  storage.set('cartId', prefs.cartId);
}

export function persist(key, value) {
  window.sessionStorage.setItem(key, value);
}
persist('filters', '{}');`, languageOptions: esm },
    { code: `// analytics: a random per-tab id, not an auth session
const ANALYTICS_SESSION_KEY = 'analytics_session';
export function analyticsSessionId() {
  let id = sessionStorage.getItem(ANALYTICS_SESSION_KEY);
  if (!id) {
    id = crypto.randomUUID();
    sessionStorage.setItem(ANALYTICS_SESSION_KEY, id);
  }
  return id;
}`, languageOptions: esm },
    { code: `// Things real front-ends keep in Web Storage that are not credentials
export function persistUi() {
  localStorage.setItem('cookieConsent', 'accepted');
  localStorage.setItem('session_count', String(3));
  localStorage.setItem('sessionTimeoutWarningDismissed', '1');
  localStorage.setItem('tokenExpiry', String(Date.now() + 3600e3));
  localStorage.setItem('token_type', 'Bearer');
  localStorage.setItem('authProvider', 'google');
  localStorage.setItem('auth_redirect', location.pathname);
  localStorage.setItem('loginHint', 'me@example.com');
  localStorage.setItem('hasSession', 'true');
  localStorage.setItem('isTokenValid', 'false');
  localStorage.setItem('gpt.maxTokens', '2048');
  localStorage.setItem('promptTokens', '120');
  localStorage.setItem('pushToken', pushSubscriptionToken);
  localStorage.setItem('cursor', pageCursor);
  sessionStorage.setItem('oauth_state', state);
  sessionStorage.setItem('pkce_code_verifier', verifier);
  sessionStorage.setItem('returnTo', '/dashboard');
  sessionStorage.setItem('nonce', nonce);
}
export function saveDraft(post: { title: string; body: string }) {
  localStorage.setItem(\`draft:\${post.title}\`, JSON.stringify(post));
}
export function designTokens(tokens: Record<string, string>) {
  localStorage.setItem('designTokens', JSON.stringify(tokens));
  localStorage.setItem('colorTokens', JSON.stringify(tokens));
}
export function rememberEmail(email: string) {
  localStorage.setItem('rememberedEmail', email);
}
export function cacheUser(user: { id: string; name: string }) {
  localStorage.setItem('currentUser', JSON.stringify({ id: user.id, name: user.name }));
}
export function csrf(res: { csrfToken: string; xsrf_token: string }) {
  sessionStorage.setItem('csrf', res.csrfToken);
  localStorage.setItem('x-xsrf', res.xsrf_token);
}`, languageOptions: ts },
    { code: `import { useLocalStorage } from 'usehooks-ts';
import localforage from 'localforage';
export function useTheme() {
  const [theme, setTheme] = useLocalStorage('theme', 'system');
  return [theme, setTheme];
}
export async function cacheCatalog(items) {
  await localforage.setItem('catalog', items);
  await localforage.setItem('catalogEtag', items.etag);
}
// tokens kept in memory only; the refresh token is an httpOnly cookie
let accessToken = null;
export function setAccessToken(token) { accessToken = token; }
export function getAccessToken() { return accessToken; }
export function saveTokenCount(tokenCount) { localStorage.setItem('count', tokenCount); }
export function saveTokenizer(tokenizer) { localStorage.setItem('tokenizer', JSON.stringify(tokenizer)); }
export function cacheSessionInfo(sessionInfo) {
  sessionStorage.setItem('sessionInfo', JSON.stringify({ startedAt: sessionInfo.startedAt }));
}`, languageOptions: jsx },
    { code: `// the server sends the CSRF token in the body; the page echoes it in a header
export async function bootstrap() {
  const { token } = await (await fetch('/api/csrf', { credentials: 'include' })).json();
  sessionStorage.setItem('csrfToken', token);
}`, languageOptions: esm },
    { code: `export function saveTheme(tokens) {
  localStorage.designTokens = JSON.stringify(tokens);
}`, languageOptions: esm },
    { code: `import { useLocalStorage } from '@vueuse/core';
export function useTokenizer(token: string) {
  // counts LLM tokens of a prompt
  return useLocalStorage('tokenizerCache', { [token]: token.length });
}`, languageOptions: ts },
  ],
  invalid: [
    ...acrossParsers([
      {
        code: `localStorage.setItem('token', res.data.token);`,
        errors: [{ messageId: 'tokenInStorage' as const, line: 1, column: 1, data: { what: "a token (key 'token')", storage: '`localStorage`' } }],
      },
      {
        code: `sessionStorage.setItem('auth_token', value);`,
        errors: [{ messageId: 'tokenInStorage' as const, line: 1, column: 1 }],
      },
      {
        code: `localStorage.token = t;`,
        errors: [{ messageId: 'tokenInStorage' as const, line: 1, column: 1 }],
      },
      {
        code: `localStorage['jwt'] = t;`,
        errors: [{ messageId: 'tokenInStorage' as const, line: 1, column: 1 }],
      },
    ]),
    ...acrossParsers(
      [
        {
          code: `const { data } = await axios.post('/api/login', credentials);\nlocalStorage.setItem('session', data.accessToken);`,
          errors: [{ messageId: 'tokenInStorage' as const, line: 2, column: 1 }],
        },
      ],
      [esm, ts],
    ),
    {
      code: `window.localStorage.setItem('user', data.accessToken);`,
      errors: [{ messageId: 'tokenInStorage', line: 1, column: 1, data: { what: 'a token (`accessToken`)', storage: '`localStorage`' } }],
    },
    {
      code: `globalThis.sessionStorage.setItem('x-auth-token', token);`,
      errors: [{ messageId: 'tokenInStorage', line: 1, column: 1, data: { what: "a token (key 'x-auth-token')", storage: '`sessionStorage`' } }],
    },
    {
      code: `const TOKEN_KEY = 'auth_token';\nexport function saveToken(t) { window.sessionStorage.setItem(TOKEN_KEY, t); }`,
      languageOptions: esm,
      errors: [{ messageId: 'tokenInStorage', line: 2, column: 32 }],
    },
    {
      code: `import { TOKEN_KEY } from './constants';\nlocalStorage.setItem(TOKEN_KEY, value);`,
      languageOptions: ts,
      errors: [{ messageId: 'tokenInStorage', line: 2, column: 1 }],
    },
    {
      code: `const { access_token: at } = response.data;\nlocalStorage.setItem('a', at);`,
      errors: [{ messageId: 'tokenInStorage', line: 2, column: 1, data: { what: 'a token (`access_token`)', storage: '`localStorage`' } }],
    },
    {
      code: `localStorage.setItem('auth', JSON.stringify({ token, user }));`,
      errors: [{ messageId: 'tokenInStorage', line: 1, column: 1 }],
    },
    {
      code: "localStorage.setItem('header', `Bearer ${jwt}`);",
      errors: [{ messageId: 'tokenInStorage', line: 1, column: 1 }],
    },
    {
      code: `const storage = remember ? localStorage : sessionStorage;\nstorage.setItem('refreshToken', refreshToken);`,
      errors: [{ messageId: 'tokenInStorage', line: 2, column: 1, data: { what: "a token (key 'refreshToken')", storage: '`Web Storage`' } }],
    },
    {
      code: `const { localStorage: ls } = window;\nls.setItem('idToken', idToken);`,
      errors: [{ messageId: 'tokenInStorage', line: 2, column: 1 }],
    },
    {
      code: `localStorage?.setItem('jwt', jwt);`,
      errors: [{ messageId: 'tokenInStorage', line: 1, column: 1 }],
    },
    {
      code: `(localStorage as Storage).setItem('AccessToken', token!);`,
      languageOptions: ts,
      errors: [{ messageId: 'tokenInStorage', line: 1, column: 1 }],
    },
    {
      code: `localStorage.setItem('user', await auth.getAccessToken());`,
      languageOptions: esm,
      errors: [{ messageId: 'tokenInStorage', line: 1, column: 1 }],
    },
    // Wrappers declared in this file: the call that passes the token is reported.
    {
      code: `function setItem(key, value) {\n  localStorage.setItem(key, JSON.stringify(value));\n}\nsetItem('token', res.data.token);\nsetItem('theme', 'dark');`,
      errors: [{ messageId: 'tokenInStorage', line: 4, column: 1 }],
    },
    {
      code: `const storage = {\n  set(key, value) { window.localStorage[key] = value; },\n  get(key) { return window.localStorage[key]; },\n};\nstorage.set('token', t);`,
      errors: [{ messageId: 'tokenInStorage', line: 5, column: 1 }],
    },
    {
      code: `export function setItem(key, value) {\n  window.localStorage.setItem(key, JSON.stringify(value));\n}\nsetItem('auth', data.accessToken);`,
      languageOptions: esm,
      errors: [{ messageId: 'tokenInStorage', line: 4, column: 1, data: { what: 'a token (`accessToken`)', storage: '`localStorage`' } }],
    },
    {
      code: `const persist = (name: string, v: string) => sessionStorage.setItem(name, v);\npersist('whatever', data.refreshToken);`,
      languageOptions: ts,
      errors: [{ messageId: 'tokenInStorage', line: 2, column: 1 }],
    },
    // Libraries.
    {
      code: `import localforage from 'localforage';\nawait localforage.setItem('jwt', token);`,
      languageOptions: esm,
      errors: [{ messageId: 'tokenInStorage', line: 2, column: 7, data: { what: "a token (key 'jwt')", storage: 'localforage' } }],
    },
    {
      code: `const localforage = require('localforage');\nconst store = localforage.createInstance({ name: 'auth' });\nstore.setItem('refresh_token', refresh);`,
      languageOptions: cjs,
      errors: [{ messageId: 'tokenInStorage', line: 3, column: 1 }],
    },
    {
      code: `import store from 'store2';\nstore.set('accessToken', token);\nstore('idToken', idToken);\nstore.session.set('jwt', jwt);`,
      languageOptions: esm,
      errors: [
        { messageId: 'tokenInStorage', line: 2, column: 1 },
        { messageId: 'tokenInStorage', line: 3, column: 1 },
        { messageId: 'tokenInStorage', line: 4, column: 1 },
      ],
    },
    {
      code: `import { useLocalStorage } from 'usehooks-ts';\nexport function useAuth() { const [token, setToken] = useLocalStorage<string>('token', ''); return { token, setToken }; }`,
      languageOptions: tsx,
      errors: [{ messageId: 'tokenInStorage', line: 2, column: 55, data: { what: "a token (key 'token')", storage: 'usehooks-ts' } }],
    },
    {
      code: `import { useLocalStorage } from '@mantine/hooks';\nconst [jwt, setJwt] = useLocalStorage({ key: 'jwt', defaultValue: '' });`,
      languageOptions: tsx,
      errors: [{ messageId: 'tokenInStorage', line: 2, column: 23 }],
    },
    {
      code: `import { useStorage } from '@vueuse/core';\nconst token = useStorage('auth-token', null);`,
      languageOptions: ts,
      errors: [{ messageId: 'tokenInStorage', line: 2, column: 15 }],
    },
    // Front-end components.
    {
      code: `export function Login() {\n  async function onSubmit(values) {\n    const res = await api.post('/auth/login', values);\n    localStorage.setItem('token', res.data.token);\n  }\n  return <LoginForm onSubmit={onSubmit} />;\n}`,
      languageOptions: jsx,
      errors: [{ messageId: 'tokenInStorage', line: 4, column: 5 }],
    },
    {
      code: `export const Login = (): JSX.Element => {\n  const onLogin = async (): Promise<void> => {\n    const { data } = await axios.post<{ accessToken: string }>('/login', form);\n    window.localStorage.setItem('session', data.accessToken);\n  };\n  return <button onClick={onLogin}>Sign in</button>;\n};`,
      languageOptions: tsx,
      errors: [{ messageId: 'tokenInStorage', line: 4, column: 5 }],
    },
    {
      code: `@Injectable({ providedIn: 'root' })\nexport class TokenStorageService {\n  saveToken(token: string): void {\n    window.sessionStorage.removeItem('auth-token');\n    window.sessionStorage.setItem('auth-token', token);\n  }\n}`,
      languageOptions: ts,
      errors: [{ messageId: 'tokenInStorage', line: 5, column: 5 }],
    },
    {
      code: `export default { methods: { login() { return this.$http.post('/login', this.form).then(({ data }) => { localStorage.jwt = data.jwt; }); } } };`,
      languageOptions: esm,
      errors: [{ messageId: 'tokenInStorage', line: 1, column: 104 }],
    },
    // Whole front-end modules (React, Vue, Angular, CSRF tokens, design tokens, analytics ids)
    { code: `const APP = import.meta.env.VITE_APP_NAME;
export function onLogin({ data }) {
  localStorage.setItem(\`\${APP}_token\`, data.t);
  sessionStorage.setItem(APP + ':refreshToken', data.refresh);
}`, languageOptions: esm, errors: [{ messageId: 'tokenInStorage', line: 3, column: 3 }, { messageId: 'tokenInStorage', line: 4, column: 3 }] },
    { code: `import axios from 'axios';
import store from 'store2';
import localforage from 'localforage';
export async function login(creds) {
  const response = await axios.post('/api/login', creds);
  const { token } = response.data;
  localStorage.setItem('authData', token);
  localforage.setItem('session', response.data.session);
  store.set('user_jwt', response.data.jwt);
  return token;
}
export function saveAuth(auth) {
  localStorage.setItem('auth', JSON.stringify({ accessToken: auth.accessToken, user: auth.user }));
}
export function saveAuth2(data) {
  const jwtToken = data.jwt;
  sessionStorage.setItem('k', jwtToken);
}
const AUTH_TOKEN_KEY = 'x';
export const keep = (t) => window.localStorage.setItem(AUTH_TOKEN_KEY, t);
export function keep2(res) {
  localStorage.setItem('Authorization', \`Bearer \${res.data.access_token}\`);
}`, languageOptions: esm, errors: [{ messageId: 'tokenInStorage', line: 7, column: 3 }, { messageId: 'tokenInStorage', line: 8, column: 3 }, { messageId: 'tokenInStorage', line: 9, column: 3 }, { messageId: 'tokenInStorage', line: 13, column: 3 }, { messageId: 'tokenInStorage', line: 17, column: 3 }, { messageId: 'tokenInStorage', line: 22, column: 3 }] },
    { code: `export const storage = {
  set(key: string, value: unknown) {
    localStorage.setItem(key, JSON.stringify(value));
  },
};
export function afterLogin(res: { accessToken: string }) {
  storage.set('accessToken', res.accessToken);
  storage.set('lang', 'en');
}`, languageOptions: ts, errors: [{ messageId: 'tokenInStorage', line: 7, column: 3 }] },
  ],
});
