/**
 * Functions that run commands, and how each takes its command (see `no-command-injection`).
 *
 * - `shell`: the first argument is command text a shell parses (`exec('ls ' + dir)`);
 * - `program`: the first argument is a program and the second an argument array; a shell parses
 *   them only when the options (the first object argument) set `shell`, or when the program is a
 *   shell given a script (`sh -c`, `bash -c`, `cmd /c`).
 */
export type CommandStyle = 'shell' | 'program';

export interface CommandSink {
  /** Module specifiers (normalised: `child_process`, not `node:child_process`). */
  modules: readonly string[];
  /** The export path called: `['exec']`, `[]` for a default export called directly. */
  path: readonly string[];
  style: CommandStyle;
}

export const COMMAND_SINKS: readonly CommandSink[] = [
  { modules: ['child_process'], path: ['exec'], style: 'shell' },
  { modules: ['child_process'], path: ['execSync'], style: 'shell' },
  { modules: ['child_process'], path: ['spawn'], style: 'program' },
  { modules: ['child_process'], path: ['spawnSync'], style: 'program' },
  { modules: ['child_process'], path: ['execFile'], style: 'program' },
  { modules: ['child_process'], path: ['execFileSync'], style: 'program' },
  // execa: `execa(file, args, options)`; `execaCommand('cmd text')` splits on spaces, no shell
  // unless `shell` is set; treated as program-style text for that reason.
  { modules: ['execa'], path: ['execa'], style: 'program' },
  { modules: ['execa'], path: ['execaSync'], style: 'program' },
  { modules: ['execa'], path: [], style: 'program' },
  { modules: ['execa'], path: ['sync'], style: 'program' },
  // `$(file, args, options)` as execa; `$.sync` / `$.s` its synchronous forms.
  { modules: ['execa'], path: ['$'], style: 'program' },
  { modules: ['execa'], path: ['$', 'sync'], style: 'program' },
  { modules: ['execa'], path: ['$', 's'], style: 'program' },
  // `execaCommand('git log main')` splits its text into program and arguments: the text picks the program.
  { modules: ['execa'], path: ['execaCommand'], style: 'shell' },
  { modules: ['execa'], path: ['execaCommandSync'], style: 'shell' },
  { modules: ['shelljs'], path: ['exec'], style: 'shell' },
  { modules: ['cross-spawn'], path: [], style: 'program' },
  { modules: ['cross-spawn'], path: ['spawn'], style: 'program' },
  { modules: ['cross-spawn'], path: ['sync'], style: 'program' },
];

/** Modules a command sink comes from: the file gate of the rule. */
export const COMMAND_MODULES: readonly string[] = [...new Set(COMMAND_SINKS.flatMap((s) => s.modules)), 'node:child_process'];

/** Programs that run their `-c` (or `/c`) argument as a script. */
export const SHELL_PROGRAMS: ReadonlySet<string> = new Set(['sh', 'bash', 'zsh', 'dash', 'ksh', '/bin/sh', '/bin/bash', '/usr/bin/bash', '/bin/zsh', 'cmd', 'cmd.exe', 'powershell', 'powershell.exe', 'pwsh']);
/** The flag after which a shell program's next argument is its script. */
export const SCRIPT_FLAGS: ReadonlySet<string> = new Set(['-c', '/c', '/C', '-lc', '-ec', '-Command', '-command']);

/**
 * Tags of execa's template syntax (`` $`git log ${ref}` ``, `` execa`…` ``, execa 7+): each `${}`
 * is one argument (an array, several), never parsed by a shell unless the options bound to the tag
 * (`$({ shell: true })`) set `shell`. Export paths, the default export included.
 */
export const EXECA_TEMPLATE_TAGS: readonly (readonly string[])[] = [['$'], ['$', 'sync'], ['$', 's'], ['execa'], ['execaSync'], []];

/**
 * Programs that read options from their arguments with dangerous effects (CWE-88): an argument
 * that starts with `-` runs a command, writes or reads a file the caller did not choose. The
 * options name the effect in messages. Compared with the program's base name, `.exe` dropped.
 */
export const OPTION_SENSITIVE_PROGRAMS: ReadonlyMap<string, string> = new Map([
  ['git', '`--upload-pack=<command>`, `--output=<file>`, `-c core.sshCommand=<command>`'],
  ['hg', '`--config=alias.x=!<command>`'],
  ['curl', '`-o <file>`, `-K <config>`'],
  ['wget', '`-O <file>`, `--execute=<command>`'],
  ['tar', '`--checkpoint-action=exec=<command>`, `--to-command=<command>`'],
  ['zip', '`-TT <command>`'],
  ['ssh', '`-o ProxyCommand=<command>`'],
  ['scp', '`-S <program>`, `-o ProxyCommand=<command>`'],
  ['sftp', '`-S <program>`, `-o ProxyCommand=<command>`'],
  ['rsync', '`-e <command>`, `--rsync-path=<command>`'],
  ['find', '`-exec <command>`, `-delete`'],
  ['sed', '`-e` scripts with the `e` command, `-i` in-place writes'],
  ['sendmail', '`-X <logfile>`, `-C <config>`'],
  ['psql', '`-c <sql>`, `-f <file>`'],
  ['mysql', '`-e <sql>`'],
  ['ffmpeg', '`-i <file>` reading any file, `-y` overwriting outputs'],
  ['7z', '`-o<dir>` extracting anywhere'],
]);

/** Arguments after which a program takes no more options (`--`; git's `--end-of-options`). */
export const END_OF_OPTIONS: ReadonlySet<string> = new Set(['--', '--end-of-options']);
