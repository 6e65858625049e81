import { useEffect, useRef, useState } from 'react';
import type { ChartSurface } from './drawBars';

export interface ChartCanvasProps {
  id: string;
  /** CSS pixels; the width is the card's. */
  height: number;
  /** What the chart shows, in words (the canvas is an image to a screen reader). */
  label: string;
  /** Changes whenever what `draw` draws changes: the chart is drawn afresh. */
  drawKey: string;
  draw: (surface: ChartSurface) => () => void;
}

/**
 * H5: a plain <canvas>. Taro's H5 <Canvas> resets its canvas's size to the CSS size each time it renders, which
 * would wipe a chart drawn at the screen's pixel ratio; a browser canvas keeps what is drawn on it.
 * Drawn again when the card's width changes (a PC window resized), and destroyed when the card goes.
 */
export function ChartCanvas({ id, height, label, drawKey, draw }: ChartCanvasProps) {
  const box = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [width, setWidth] = useState(0);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const measure = () => setWidth(el.clientWidth);
    measure();
    if (typeof ResizeObserver === 'undefined') {
      window.addEventListener('resize', measure);
      return () => window.removeEventListener('resize', measure);
    }
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    // No width (not laid out, as in jsdom) or no 2d context: nothing is drawn, the figures beside it still are.
    const context = width > 0 ? canvas.current?.getContext('2d') : null;
    if (!context) return;
    return draw({ context, width, height, pixelRatio: window.devicePixelRatio || 1 });
    // `draw` is a new function each render; drawKey says when what it draws has changed.
  }, [width, height, drawKey]);

  return (
    <div ref={box} className='chart-canvas' style={{ height: `${height}px` }}>
      <canvas ref={canvas} id={id} className='chart-canvas__canvas' role='img' aria-label={label} style={{ width: '100%', height: `${height}px` }} />
    </div>
  );
}
