import { useEffect, useState, type AnchorHTMLAttributes } from 'react'

const EVENT = 'quarterdeck:navigate'

/** An in-app link: changes the URL without reloading, so the team's socket and doc stay. */
export function NavLink(props: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  return (
    <a
      {...props}
      onClick={(e) => {
        if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return
        e.preventDefault()
        window.history.pushState(null, '', props.href)
        window.dispatchEvent(new Event(EVENT))
        window.scrollTo(0, 0)
      }}
    />
  )
}

/** The current pathname, following NavLink clicks and the back button. */
export function usePathname(initial: string): string {
  const [path, setPath] = useState(initial)
  useEffect(() => {
    const update = () => setPath(window.location.pathname)
    window.addEventListener('popstate', update)
    window.addEventListener(EVENT, update)
    return () => {
      window.removeEventListener('popstate', update)
      window.removeEventListener(EVENT, update)
    }
  }, [])
  return path
}
