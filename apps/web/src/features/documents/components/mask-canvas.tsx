import { useEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react'
import { MASK_COLOUR } from '../utils/burn-masks.ts'
import {
  boxBetween,
  initialKeyboardBox,
  isArrowKey,
  isDeliberateBox,
  nudgeBox,
  scaleBox,
  toImagePoint,
  type MaskBox,
  type Point,
  type Size,
} from '../utils/mask-geometry.ts'
import { scaledSize } from '../utils/prepare-image.ts'

/** The canvas needs no more pixels than a large screen shows; boxes stay in image pixels. */
const DISPLAY_EDGE = 1200
/** The box being dragged is outlined so a finger can see its edge; drawn boxes are plain black, as they will be sent. */
const DRAFT_OUTLINE = '#f0a500'

interface MaskCanvasProps {
  url: string
  /** Pixel size of the prepared image the boxes refer to. */
  size: Size
  boxes: readonly MaskBox[]
  onBox: (box: MaskBox) => void
  label: string
  /** Id of the text that explains the keyboard controls. */
  keyboardHelpId: string
}

/**
 * The preview on a canvas; dragging (mouse, pen or finger) draws a black box. With the
 * keyboard, the first arrow key shows a frame that the arrow keys move and Enter turns into a box.
 */
export function MaskCanvas({ url, size, boxes, onBox, label, keyboardHelpId }: MaskCanvasProps) {
  const canvas = useRef<HTMLCanvasElement>(null)
  const drag = useRef<{ pointerId: number; from: Point } | null>(null)
  const [picture, setPicture] = useState<HTMLImageElement | null>(null)
  const [draft, setDraft] = useState<MaskBox | null>(null)
  // The keyboard frame keeps its place while hidden (blur, Escape) and reappears there.
  const [frame, setFrame] = useState(() => ({ box: initialKeyboardBox(size), shown: false }))
  const display = scaledSize(size.width, size.height, DISPLAY_EDGE)

  useEffect(() => {
    const image = new Image()
    image.onload = () => setPicture(image)
    image.src = url
    return () => {
      image.onload = null
    }
  }, [url])

  useEffect(() => {
    const context = canvas.current && picture ? canvas.current.getContext('2d') : null
    if (context && picture) paint(context, picture, size, boxes, draft, frame.shown ? frame.box : null)
  }, [picture, size, boxes, draft, frame])

  const pointAt = (event: PointerEvent<HTMLCanvasElement>) =>
    toImagePoint({ x: event.clientX, y: event.clientY }, event.currentTarget.getBoundingClientRect(), size)

  const start = (event: PointerEvent<HTMLCanvasElement>) => {
    // One finger draws; a second one (or a right click) is ignored rather than starting a new box.
    if (drag.current || event.button > 0) return
    event.preventDefault()
    event.currentTarget.setPointerCapture?.(event.pointerId)
    const from = pointAt(event)
    drag.current = { pointerId: event.pointerId, from }
    setDraft(boxBetween(from, from))
  }
  const move = (event: PointerEvent<HTMLCanvasElement>) => {
    if (drag.current?.pointerId !== event.pointerId) return
    setDraft(boxBetween(drag.current.from, pointAt(event)))
  }
  const end = (event: PointerEvent<HTMLCanvasElement>) => {
    if (drag.current?.pointerId !== event.pointerId) return
    const box = boxBetween(drag.current.from, pointAt(event))
    drag.current = null
    setDraft(null)
    if (isDeliberateBox(box, event.currentTarget.getBoundingClientRect(), size)) onBox(box)
  }
  const cancel = () => {
    drag.current = null
    setDraft(null)
  }

  const hideFrame = () => setFrame((current) => ({ ...current, shown: false }))
  const keyDown = (event: KeyboardEvent<HTMLCanvasElement>) => {
    if (isArrowKey(event.key)) setFrame({ box: frame.shown ? nudgeBox(frame.box, event.key, event.shiftKey, size) : frame.box, shown: true })
    else if ((event.key === 'Enter' || event.key === ' ') && frame.shown) onBox(frame.box)
    else if (event.key === 'Escape' && frame.shown) hideFrame()
    else return
    event.preventDefault()
  }

  return (
    <canvas
      ref={canvas}
      className="mask-canvas"
      width={display.width}
      height={display.height}
      role="application"
      tabIndex={0}
      aria-label={label}
      aria-describedby={keyboardHelpId}
      onBlur={hideFrame}
      onKeyDown={keyDown}
      onPointerDown={start}
      onPointerMove={move}
      onPointerUp={end}
      onPointerCancel={cancel}
    />
  )
}

function paint(
  context: CanvasRenderingContext2D,
  picture: HTMLImageElement,
  size: Size,
  boxes: readonly MaskBox[],
  draft: MaskBox | null,
  frame: MaskBox | null,
) {
  const target = { width: context.canvas.width, height: context.canvas.height }
  context.drawImage(picture, 0, 0, target.width, target.height)
  context.fillStyle = MASK_COLOUR
  for (const box of draft ? [...boxes, draft] : boxes) {
    const shown = scaleBox(box, size, target)
    context.fillRect(shown.x, shown.y, shown.width, shown.height)
  }
  // The keyboard frame is an outline only, so what it is about to cover stays visible.
  context.strokeStyle = DRAFT_OUTLINE
  context.lineWidth = Math.max(2, target.width / 300)
  for (const box of [draft, frame]) {
    if (!box) continue
    const shown = scaleBox(box, size, target)
    context.strokeRect(shown.x, shown.y, shown.width, shown.height)
  }
}
