/**
 * Browser storage that any script on the page can read: the Web Storage globals and the
 * libraries and hooks that persist values into them (or into IndexedDB). Data only.
 */

/** Global names of the Web Storage objects. */
export const WEB_STORAGE_GLOBALS: readonly string[] = ['localStorage', 'sessionStorage'];

/** Global objects the storages hang on: `window.localStorage`, `globalThis.sessionStorage`. */
export const GLOBAL_OBJECTS: readonly string[] = ['window', 'globalThis', 'self'];

/** `Storage` members that are not stored keys: `localStorage.setItem = …` is not a write of an item. */
export const STORAGE_MEMBERS: readonly string[] = ['setItem', 'getItem', 'removeItem', 'clear', 'key', 'length'];

export interface StorageWriter {
  /** Package name, used in messages. */
  library: string;
  modules: readonly string[];
  /** Export path of the function, or of the object whose `methods` write (`[]` for the module itself). */
  path: readonly string[];
  /** Methods of the object at `path` that write; absent when `path` itself is the writing function. */
  methods?: readonly string[];
  /** Argument positions of the key and the value (absent when the call only names the key, as hooks do). */
  key: number;
  value?: number;
  /** The key is the `key` property of an options object at position `key` (`@mantine/hooks`). */
  keyInOptions?: boolean;
}

const HOOK_MODULES = ['react-use', 'usehooks-ts', '@uidotdev/usehooks'];

export const STORAGE_WRITERS: readonly StorageWriter[] = [
  // localforage.setItem(key, value); localforage.createInstance(options).setItem(key, value)
  { library: 'localforage', modules: ['localforage'], path: [], methods: ['setItem'], key: 0, value: 1 },
  { library: 'localforage', modules: ['localforage'], path: ['createInstance', '()'], methods: ['setItem'], key: 0, value: 1 },
  // store2: store(key, value), store.set(key, value), store.session.set(key, value), store.local.set(key, value)
  { library: 'store2', modules: ['store2'], path: [], key: 0, value: 1 },
  { library: 'store2', modules: ['store2'], path: [], methods: ['set'], key: 0, value: 1 },
  { library: 'store2', modules: ['store2'], path: ['session'], methods: ['set'], key: 0, value: 1 },
  { library: 'store2', modules: ['store2'], path: ['local'], methods: ['set'], key: 0, value: 1 },
  // store (store.js): store.set(key, value)
  { library: 'store', modules: ['store'], path: [], methods: ['set'], key: 0, value: 1 },
  // React hooks persisting state under a key: useLocalStorage(key, initialValue)
  ...HOOK_MODULES.flatMap((module) =>
    ['useLocalStorage', 'useSessionStorage'].map((name) => ({ library: module, modules: [module], path: [name], key: 0 })),
  ),
  // @mantine/hooks: useLocalStorage({ key, defaultValue })
  { library: '@mantine/hooks', modules: ['@mantine/hooks'], path: ['useLocalStorage'], key: 0, keyInOptions: true },
  { library: '@mantine/hooks', modules: ['@mantine/hooks'], path: ['useSessionStorage'], key: 0, keyInOptions: true },
  // @vueuse/core: useLocalStorage(key, initial), useSessionStorage(key, initial), useStorage(key, initial, storage?)
  ...['useLocalStorage', 'useSessionStorage', 'useStorage'].map((name) => ({
    library: '@vueuse/core',
    modules: ['@vueuse/core'],
    path: [name],
    key: 0,
  })),
];
