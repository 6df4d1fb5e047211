/** An error the user must read; announced by screen readers when it appears. */
export function ErrorMessage({ message }: { message: string | null | undefined }) {
  if (!message) return null
  return (
    <p className="notice notice--error" role="alert">
      {message}
    </p>
  )
}
