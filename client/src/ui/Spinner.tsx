export function LoadingPage({ message }: { message: string }) {
  return (
    <main className="page narrow center" aria-busy="true">
      <div className="spinner" aria-hidden="true" />
      <p role="status">{message}</p>
    </main>
  )
}
