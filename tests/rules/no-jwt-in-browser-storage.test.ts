import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/no-jwt-in-browser-storage.js';
import { acrossParsers, cjs, esm, jsx, ts, tsx } from '../helpers.js';

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
  ],
});
