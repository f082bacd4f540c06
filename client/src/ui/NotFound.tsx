export function NotFound() {
  return (
    <main className="page narrow">
      <h1>Page not found</h1>
      <p>This address is not a Quarterdeck page. Check the link you were given, or start a new meeting.</p>
      <p>
        <a className="button" href="/">
          Create a meeting
        </a>
      </p>
    </main>
  )
}
