/**
 * Deserializers that rebuild functions or run code from their input. Data only.
 */

export interface Deserializer {
  /** Module specifiers. */
  modules: readonly string[];
  /** The export path called (`['unserialize']`). */
  path: readonly string[];
  /** The argument holding the serialized text. */
  argument: number;
  /**
   * `always`: unsafe on any input an attacker can write (the library exists to revive functions);
   * `yaml-v3`: js-yaml's `load`/`loadAll`, unsafe in versions below 4 or with an explicit full schema.
   */
  danger: 'always' | 'yaml-v3';
  /** What it does, for messages. */
  does: string;
}

export const DESERIALIZERS: readonly Deserializer[] = [
  // node-serialize revives `_$$ND_FUNC$$_` values with eval; an IIFE there runs on unserialize.
  { modules: ['node-serialize'], path: ['unserialize'], argument: 0, danger: 'always', does: 'revives functions with eval' },
  // funcster rebuilds serialized functions by evaluating their source.
  { modules: ['funcster'], path: ['deepDeserialize'], argument: 0, danger: 'always', does: 'rebuilds functions from their source' },
  { modules: ['funcster'], path: ['deserialize'], argument: 0, danger: 'always', does: 'rebuilds functions from their source' },
  // cryo rebuilds functions and prototypes.
  { modules: ['cryo'], path: ['parse'], argument: 0, danger: 'always', does: 'rebuilds functions and prototypes' },
  // js-yaml 3 `load()` uses the full schema (`!!js/function`, `!!js/regexp`) by default; 4 made `load()` safe.
  { modules: ['js-yaml'], path: ['load'], argument: 0, danger: 'yaml-v3', does: 'builds JavaScript functions from `!!js/function` tags' },
  { modules: ['js-yaml'], path: ['loadAll'], argument: 0, danger: 'yaml-v3', does: 'builds JavaScript functions from `!!js/function` tags' },
];

/** Method names of `DESERIALIZERS`, tested before any resolution. */
export const DESERIALIZER_METHODS: ReadonlySet<string> = new Set(DESERIALIZERS.map((d) => d.path.at(-1)!));

export const DESERIALIZER_MODULES: readonly string[] = [...new Set(DESERIALIZERS.flatMap((d) => d.modules))];

/** The js-yaml release from which `load()` is safe by default. */
export const JS_YAML_SAFE_SINCE = '4.0.0';

/** js-yaml schemas that allow JavaScript types (`!!js/function`); v3 only. */
export const UNSAFE_YAML_SCHEMAS: ReadonlySet<string> = new Set(['DEFAULT_FULL_SCHEMA']);
/** js-yaml schemas without JavaScript types. */
export const SAFE_YAML_SCHEMAS: ReadonlySet<string> = new Set(['DEFAULT_SAFE_SCHEMA', 'FAILSAFE_SCHEMA', 'JSON_SCHEMA', 'CORE_SCHEMA', 'DEFAULT_SCHEMA']);

/**
 * Serializers whose output is JavaScript, read back by evaluating it: serialize-javascript documents
 * `eval('(' + text + ')')` as its deserializer. A file that imports one and evaluates a value
 * wrapped that way (or `new Function('return ' + text)`) is reviving serialized data.
 */
export const EVAL_SERIALIZER_MODULES: readonly string[] = ['serialize-javascript'];
/** Global functions that evaluate their text argument (`eval`, `Function`, `new Function`). */
export const EVAL_FUNCTIONS: ReadonlySet<string> = new Set(['eval', 'Function']);
