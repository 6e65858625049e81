import { useEffect } from 'react';
import Taro from '@tarojs/taro';
import { Canvas } from '@tarojs/components';
import type { ChartCanvasProps } from './ChartCanvas';
import type { ChartSurface } from './drawBars';

interface CanvasNode {
  width: number;
  height: number;
  getContext(type: '2d'): CanvasRenderingContext2D;
  requestAnimationFrame(callback: () => void): number;
  cancelAnimationFrame(id: number): void;
}

/**
 * weapp: a canvas-2d node, found by its id once Taro has rendered it; its backing store is sized to the screen's
 * pixel ratio (the node does not do it itself). Drawn afresh when drawKey changes, destroyed with the card.
 * Taro's canvas template passes no aria-label: in WeChat the figures printed under the chart are what is read out.
 */
export function ChartCanvas({ id, height, drawKey, draw }: ChartCanvasProps) {
  useEffect(() => {
    let destroy: (() => void) | undefined;
    let gone = false;
    Taro.nextTick(() => {
      Taro.createSelectorQuery()
        .select(`#${id}`)
        .fields({ node: true, size: true })
        .exec((res: { node?: CanvasNode; width: number; height: number }[]) => {
          const found = res?.[0];
          if (gone || !found?.node || !found.width) return;
          const { node, width } = found;
          // getWindowInfo is base library 2.20.1+; older ones still answer getSystemInfoSync.
          const pixelRatio = Taro.getWindowInfo?.().pixelRatio ?? Taro.getSystemInfoSync().pixelRatio;
          node.width = Math.round(width * pixelRatio);
          node.height = Math.round(found.height * pixelRatio);
          destroy = draw({
            context: node.getContext('2d'),
            width,
            height: found.height,
            pixelRatio,
            offscreenCanvas: Taro.createOffscreenCanvas({ type: '2d', width: 10, height: 10 }) as unknown as ChartSurface['offscreenCanvas'],
            requestAnimationFrame: (cb) => node.requestAnimationFrame(cb),
            cancelAnimationFrame: (frame) => node.cancelAnimationFrame(frame),
          });
        });
    });
    return () => {
      gone = true;
      destroy?.();
    };
  }, [id, height, drawKey]);

  return <Canvas type='2d' id={id} className='chart-canvas__canvas' style={{ width: '100%', height: `${height}px` }} />;
}
