/**
 * Logging libraries: how a logger is obtained from each module (the steps from its export, as
 * `core/modules.ts` writes them: property names, `()` for a call, `new` for a construction), which
 * methods write a log line, and which steps return another logger of the same library.
 */

export interface LoggerLibrary {
  /** Module specifiers, as imported or required. */
  modules: readonly string[];
  /** Name used in messages. */
  name: string;
  /** Export paths that are a logger (`[]`: the module itself, as `winston.info()`). */
  loggers: readonly (readonly string[])[];
  /** Methods of a logger that write a line. */
  methods: ReadonlySet<string>;
  /** Steps from a logger that give another logger: `.child({…})`, `debug.extend('x')`. */
  children: readonly (readonly string[])[];
  /** True when the logger itself is called to log: `debug('x %o', value)`. */
  callable?: boolean;
}

const words = (text: string): ReadonlySet<string> => new Set(text.split(/\s+/).filter(Boolean));

const PINO_METHODS = words('trace debug info warn error fatal silent');

export const LOGGER_LIBRARIES: readonly LoggerLibrary[] = [
  {
    modules: ['pino'],
    name: 'pino',
    loggers: [['()'], ['pino', '()'], ['default', '()']],
    methods: PINO_METHODS,
    children: [['child', '()']],
  },
  {
    // pino-http / express-pino-logger: the middleware's `logger` property, and `req.log` (see REQUEST_LOG_PROPERTIES).
    modules: ['pino-http', 'express-pino-logger'],
    name: 'pino-http',
    loggers: [['()', 'logger'], ['pinoHttp', '()', 'logger']],
    methods: PINO_METHODS,
    children: [['child', '()']],
  },
  {
    modules: ['winston'],
    name: 'winston',
    loggers: [[], ['createLogger', '()'], ['loggers', 'get', '()'], ['loggers', 'add', '()'], ['Logger', 'new']],
    methods: words('error warn info http verbose debug silly log'),
    children: [['child', '()']],
  },
  {
    modules: ['bunyan'],
    name: 'bunyan',
    loggers: [['createLogger', '()'], ['new']],
    methods: words('trace debug info warn error fatal'),
    children: [['child', '()']],
  },
  {
    modules: ['log4js'],
    name: 'log4js',
    loggers: [['getLogger', '()']],
    methods: words('trace debug info warn error fatal mark log'),
    children: [],
  },
  {
    // Ghost's wrapper has the same shape: `require('@tryghost/debug')('stripe')`.
    modules: ['debug', '@tryghost/debug'],
    name: 'debug',
    loggers: [['()'], ['default', '()']],
    methods: new Set(),
    children: [['extend', '()']],
    callable: true,
  },
  {
    modules: ['@nestjs/common'],
    name: 'NestJS',
    loggers: [['Logger', 'new'], ['Logger'], ['ConsoleLogger', 'new']],
    methods: words('log error warn debug verbose fatal'),
    children: [],
  },
  {
    modules: ['nestjs-pino'],
    name: 'nestjs-pino',
    loggers: [['PinoLogger', 'new'], ['Logger', 'new']],
    methods: words('trace debug info warn error fatal log verbose'),
    children: [],
  },
  {
    modules: ['loglevel'],
    name: 'loglevel',
    loggers: [[], ['getLogger', '()']],
    methods: words('trace debug info warn error log'),
    children: [],
  },
  {
    modules: ['consola'],
    name: 'consola',
    loggers: [[], ['consola'], ['createConsola', '()']],
    methods: words('log info warn error debug trace fatal success start ready box'),
    children: [['withTag', '()'], ['create', '()']],
  },
  {
    modules: ['signale'],
    name: 'signale',
    loggers: [[], ['Signale', 'new']],
    methods: words('log info warn error debug fatal success note pending complete start'),
    children: [['scope', '()']],
  },
];

/** `console` methods that write a line. */
export const CONSOLE_METHODS: ReadonlySet<string> = words('log info warn error debug trace dir table');

/**
 * Methods that write a log line on a logger recognised by its name only (`logger.info(…)`,
 * `this.logger.warn(…)`, `request.log.error(…)`): the union of the libraries' level methods.
 */
export const LOG_METHODS: ReadonlySet<string> = words('trace debug info warn warning error fatal log verbose silly http notice critical');

/**
 * Last words of a receiver's name that make it a logger when nothing resolves it by import:
 * `logger`, `appLogger`, `this.logger`, `request.log`, `fastify.log`.
 */
export const LOGGER_NAME_HEADS: ReadonlySet<string> = words('logger log');

/** Modules whose presence in a file makes `request.log` / `fastify.log` a pino logger (Fastify, pino-http). */
export const REQUEST_LOGGER_MODULES: readonly string[] = ['fastify', 'fastify-plugin', 'pino-http', 'express-pino-logger'];

/** Options of a logger factory that remove fields before a line is written. */
export const REDACTING_OPTIONS: ReadonlySet<string> = words('redact serializers');
