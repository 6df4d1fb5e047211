import QRCode from 'qrcode'
import { useMemo } from 'react'

/**
 * A QR code drawn as inline SVG from the code's modules: no data: URL, no script, nothing
 * the CSP (`default-src 'self'`) has to allow. One path of 1×1 squares, crisp at any size.
 */
export function QrCode({ text, label, size = 200 }: { text: string; label: string; size?: number }) {
  const { path, count } = useMemo(() => {
    const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' })
    let d = ''
    for (let row = 0; row < modules.size; row++) {
      for (let col = 0; col < modules.size; col++) if (modules.get(row, col)) d += `M${col} ${row}h1v1h-1z`
    }
    return { path: d, count: modules.size }
  }, [text])
  const margin = 4
  const box = count + margin * 2
  return (
    <svg role="img" aria-label={label} width={size} height={size} viewBox={`${-margin} ${-margin} ${box} ${box}`} shapeRendering="crispEdges">
      <rect x={-margin} y={-margin} width={box} height={box} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  )
}
