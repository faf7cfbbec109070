import { Flex, Typography } from 'antd';
import type { MouseEvent } from 'react';
import { useI18n } from '../../i18n';
import type { Position } from './api';

interface Point {
  id: string;
  name: string;
  lng: number;
  lat: number;
  inside: boolean;
}

interface Props {
  polygons: Position[][];
  points: Point[];
  color?: string;
  /** Click on the plot adds a vertex (the issue form). */
  onPick?: (p: Position) => void;
  height?: number;
}

const W = 600;

/**
 * An honest, tile-free preview (offline intranet: no basemap): the area polygons and the located
 * enterprises on a plain plate carrée with the latitude's cos correction; inside = filled dot.
 */
export function AreaPlot({ polygons, points, color = '#fa8c16', onPick, height = 360 }: Props) {
  const { t } = useI18n();
  const all: Position[] = [...polygons.flat(), ...points.map((p) => [p.lng, p.lat] as Position)];
  if (!all.length)
    return (
      <Flex align="center" justify="center" style={{ height, border: '1px dashed #d9d9d9', borderRadius: 6 }}>
        <Typography.Text type="secondary">{t('warning.plot.empty')}</Typography.Text>
      </Flex>
    );
  let [minX, minY, maxX, maxY] = [180, 90, -180, -90];
  for (const [x, y] of all) [minX, minY, maxX, maxY] = [Math.min(minX, x), Math.min(minY, y), Math.max(maxX, x), Math.max(maxY, y)];
  const k = Math.cos((((minY + maxY) / 2) * Math.PI) / 180);
  const spanX = Math.max((maxX - minX) * k, 0.01);
  const spanY = Math.max(maxY - minY, 0.01);
  const H = Math.round((W * spanY) / spanX);
  const h = Math.min(Math.max(H, 240), 900);
  const pad = 16;
  const scale = Math.min((W - 2 * pad) / spanX, (h - 2 * pad) / spanY);
  const ox = (W - spanX * scale) / 2;
  const oy = (h - spanY * scale) / 2;
  const px = (x: number) => ox + (x - minX) * k * scale;
  const py = (y: number) => h - oy - (y - minY) * scale;
  const pick = (e: MouseEvent<SVGSVGElement>) => {
    if (!onPick) return;
    const r = e.currentTarget.getBoundingClientRect();
    const sx = ((e.clientX - r.left) / r.width) * W;
    const sy = ((e.clientY - r.top) / r.height) * h;
    const lng = minX + (sx - ox) / (k * scale);
    const lat = minY + (h - oy - sy) / scale;
    onPick([Math.round(lng * 1e4) / 1e4, Math.round(lat * 1e4) / 1e4]);
  };
  const inside = points.filter((p) => p.inside).length;
  return (
    <Flex vertical gap={4}>
      {/* biome-ignore lint/a11y/useKeyWithClickEvents: picking points is a shortcut; the coordinates textarea is the keyboard path */}
      <svg
        viewBox={`0 0 ${W} ${h}`}
        role="img"
        aria-label={t('warning.plot.label')}
        style={{
          width: '100%',
          maxHeight: height,
          background: '#fafafa',
          border: '1px solid #f0f0f0',
          borderRadius: 6,
          cursor: onPick ? 'crosshair' : 'default',
        }}
        onClick={pick}
      >
        {polygons.map((ring, i) => (
          <polygon
            // biome-ignore lint/suspicious/noArrayIndexKey: rings have no identity
            key={i}
            points={ring.map(([x, y]) => `${px(x)},${py(y)}`).join(' ')}
            fill={color}
            fillOpacity={0.18}
            stroke={color}
            strokeWidth={2}
          />
        ))}
        {polygons.flatMap((ring, i) =>
          ring.slice(0, -1).map(([x, y], j) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: vertices have no identity
            <circle key={`v${i}-${j}`} cx={px(x)} cy={py(y)} r={3} fill="#fff" stroke={color} strokeWidth={1.5} />
          )),
        )}
        {points.map((p) => (
          <circle key={p.id} cx={px(p.lng)} cy={py(p.lat)} r={p.inside ? 4.5 : 3} fill={p.inside ? '#cf1322' : '#bfbfbf'} stroke="#fff" strokeWidth={0.8}>
            <title>{p.name}</title>
          </circle>
        ))}
      </svg>
      {points.length ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('warning.plot.legend', { inside, total: points.length })}
        </Typography.Text>
      ) : null}
    </Flex>
  );
}
