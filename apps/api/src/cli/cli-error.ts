/**
 * A mistake of the person at the terminal: the commands print it as is, with no stack trace.
 * Its own module: a command that imported another command's file would carry that command's
 * entry point into its bundle (both then share one import.meta.url).
 */
export class CliError extends Error {}
