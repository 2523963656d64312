/** EV9xxx: command line, configuration and file input/output (problems without a spec position). */
import type { DiagnosticMessage } from "../diagnostic.js";

export const cliDiagnostics = {
  FileNotFound: {
    code: "EV9001",
    severity: "error",
    message: 'Cannot find "{path}".',
    explanation: "A file or folder given on the command line, in `eventc.config.json` or to `compile()` does not exist. Check the path (relative paths are relative to the current folder, or to the config file).",
  },
  FileUnreadable: {
    code: "EV9002",
    severity: "error",
    message: 'Cannot read "{path}": {reason}.',
    explanation: "The file exists but could not be read (permissions, a folder where a file was expected, an I/O error).",
  },
  NoSpecFiles: {
    code: "EV9003",
    severity: "error",
    message: "No .events files were found in {paths}.",
    explanation: "The given folders contain no `*.events` files (folders named `node_modules`, `dist` or starting with `.` are skipped). Pass the spec files or their folder.",
  },
  ConfigInvalidJson: {
    code: "EV9004",
    severity: "error",
    message: '"{path}" is not valid JSON: {reason}.',
    explanation: "`eventc.config.json` must be one JSON object. Fix the syntax error at the position given.",
  },
  ConfigUnknownKey: {
    code: "EV9005",
    severity: "error",
    message: 'Unknown setting "{key}" in "{path}".{didYouMean}',
    explanation: "`eventc.config.json` accepts only `specs`, `out`, `lock` and `runtimeImport`. Remove or rename the setting.",
  },
  ConfigInvalidValue: {
    code: "EV9006",
    severity: "error",
    message: 'The setting "{key}" in "{path}" must be {expected}.',
    explanation: "A setting of `eventc.config.json` has the wrong kind of value (for example a number where a path string is expected).",
  },
  OutputUnwritable: {
    code: "EV9007",
    severity: "error",
    message: 'Cannot write "{path}": {reason}.',
    explanation: "A generated file could not be written. Check that the output folder is writable and is not a file.",
  },
  InvalidUsage: {
    code: "EV9008",
    severity: "error",
    message: "{reason}",
    explanation: "The command line is not valid (an unknown option, a missing value). Run the command with `--help` to see its usage.",
  },
  InternalError: {
    code: "EV9009",
    severity: "error",
    message: "eventc failed internally while {phase}: {reason}. This is a bug in eventc; please report it with the spec that caused it.",
    explanation: "A phase of the compiler failed on input it should have handled. Nothing was generated. Please report it, with the spec files if you can.",
  },
} as const satisfies Record<string, DiagnosticMessage>;
