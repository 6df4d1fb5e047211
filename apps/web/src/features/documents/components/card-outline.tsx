import type { CardView } from './use-card-outline.ts'

/**
 * The card's outline drawn over the live video: the SVG covers the viewport and fits the frame
 * as the video does (object-fit: contain ↔ preserveAspectRatio meet), so frame pixels land on
 * the picture. Green once the card is held still.
 */
export function CardOutlineOverlay({ view }: { view: CardView }) {
  const { outline, frame } = view
  if (!outline || !frame) return null
  return (
    <svg
      className={`camera__outline${view.guidance === 'steady' ? ' camera__outline--steady' : ''}`}
      viewBox={`0 0 ${frame.width} ${frame.height}`}
      preserveAspectRatio="xMidYMid meet"
      aria-hidden="true"
      data-testid="card-outline"
    >
      <polygon points={outline.corners.map(({ x, y }) => `${x.toFixed(1)},${y.toFixed(1)}`).join(' ')} />
    </svg>
  )
}
