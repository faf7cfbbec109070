import { Flex, Typography } from 'antd';
import type { MouseEvent } from 'react';
import { useI18n } from '../../i18n';
import type { Position, TPlotPoint } from './api';

interface Props {
  polygons: Position[][];
  points: TPlotPoint[];
  color?: string;
  /** Click on the plot adds a vertex (the issue form). */
  onPick?: (p: Position) => void;
  height?: number;
}

const W = 600;

/** Inside: enterprises red, installations purple, ponds blue; outside grey. */
const INSIDE_FILL = { enterprise: '#cf1322', installation: '#722ed1', tailings: '#0958d9' } as const;

/** A point's mark: enterprise ●, major hazard installation ◆, tailings pond ▲ (a 头顶库 with a red rim). */
function Mark({ p, x, y }: { p: TPlotPoint; x: number; y: number }) {
  const kind = p.kind ?? 'enterprise';
  const fill = p.inside ? INSIDE_FILL[kind] : '#bfbfbf';
  const r = p.inside ? 4.5 : 3;
  const stroke = kind === 'tailings' && p.overhead ? '#f5222d' : '#fff';
  const title = <title>{p.name}</title>;
  if (kind === 'installation')
    return (
      <rect x={x - r} y={y - r} width={2 * r} height={2 * r} transform={`rotate(45 ${x} ${y})`} fill={fill} stroke={stroke} strokeWidth={0.8}>
        {title}
      </rect>
    );
  if (kind === 'tailings') {
    const k = r * 1.3;
    return (
      <polygon points={`${x},${y - k} ${x + k},${y + k * 0.8} ${x - k},${y + k * 0.8}`} fill={fill} stroke={stroke} strokeWidth={p.overhead ? 1.5 : 0.8}>
        {title}
      </polygon>
    );
  }
  return (
    <circle cx={x} cy={y} r={r} fill={fill} stroke={stroke} strokeWidth={0.8}>
      {title}
    </circle>
  );
}

/**
 * An honest, tile-free preview (offline intranet: no basemap): the area polygons and the located
 * enterprises, installations and tailings ponds on a plain plate carrée with the latitude's cos
 * correction; inside = filled and coloured.
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
  const enterprises = points.filter((p) => (p.kind ?? 'enterprise') === 'enterprise');
  const inside = enterprises.filter((p) => p.inside).length;
  const objects = points.length - enterprises.length;
  const objectsInside = points.filter((p) => p.inside).length - inside;
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
          <Mark key={p.id} p={p} x={px(p.lng)} y={py(p.lat)} />
        ))}
      </svg>
      {points.length ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('warning.plot.legend', { inside, total: enterprises.length })}
          {objects ? ` ${t('warning.plot.legendObjects', { inside: objectsInside, total: objects })}` : ''}
        </Typography.Text>
      ) : null}
    </Flex>
  );
}
