import { useEffect, useState } from 'react'
import QRCode from 'qrcode'

/** A QR code of `text`, drawn as a data-URL image (allowed by the page's Content-Security-Policy). */
export function QrCode({ text, size, label }: { text: string; size: number; label: string }) {
  const [src, setSrc] = useState<string | null>(null)
  useEffect(() => {
    let isCurrent = true
    QRCode.toDataURL(text, { width: size, margin: 1, errorCorrectionLevel: 'M', color: { dark: '#0b1f2e', light: '#ffffff' } })
      .then((url) => isCurrent && setSrc(url))
      .catch(() => isCurrent && setSrc(null))
    return () => {
      isCurrent = false
    }
  }, [text, size])
  if (!src) return <div className="qr-placeholder" style={{ width: size, height: size }} aria-hidden="true" />
  return <img className="qr" src={src} width={size} height={size} alt={label} />
}
