/**
 * What the admin commands share at their entry: `main` runs only when its file is the one node
 * started (tests import the same file), and a mistake at the terminal (CliError, ConfigError)
 * prints as one line without a stack trace, exit code 1.
 */
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { ConfigError } from '../config.ts'
import { CliError } from './cli-error.ts'

export async function runCommand(moduleUrl: string, main: (argv: readonly string[]) => Promise<void>): Promise<void> {
  if (!process.argv[1] || moduleUrl !== pathToFileURL(path.resolve(process.argv[1])).href) return
  try {
    await main(process.argv.slice(2))
  } catch (error) {
    console.error(error instanceof CliError || error instanceof ConfigError ? error.message : error)
    process.exitCode = 1
  }
}
