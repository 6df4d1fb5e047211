import { useMutation, useQueryClient } from '@tanstack/react-query'
import { queryKeys } from '../../../lib/query-keys.ts'
import { sendImport, type ImportFile } from '../utils/send-import.ts'

/** Imports the previewed file for real; the campaign's counts and lists are then stale. */
export function useRunImport() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: ImportFile) => sendImport(input, false),
    onSuccess: (answer, { campaignId }) => {
      if (answer.applied) void queryClient.invalidateQueries({ queryKey: queryKeys.campaign.all(campaignId) })
    },
  })
}
