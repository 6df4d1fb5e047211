import { useMutation } from '@tanstack/react-query'
import { sendImport, type ImportFile } from '../utils/send-import.ts'

/** Checks a file without importing it (`dryRun=true`): counts and every error. */
export const usePreviewImport = () => useMutation({ mutationFn: (input: ImportFile) => sendImport(input, true) })
