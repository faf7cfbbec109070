import type { Locale } from '../../i18n';
import type { TRegion } from './api';

export interface RegionNode {
  value: string;
  title: string;
  key: string;
  level: string;
  children?: RegionNode[];
}

/** Builds the region tree (city → county/zone → town) from the flat list, children sorted by code. */
export function buildRegionTree(regions: TRegion[], locale: Locale): RegionNode[] {
  const nodes = new Map<string, RegionNode>();
  for (const r of regions) {
    nodes.set(r.code, { value: r.code, key: r.code, title: locale === 'en-US' ? r.nameEn || r.name : r.name, level: r.level });
  }
  const roots: RegionNode[] = [];
  for (const r of [...regions].sort((a, b) => a.code.localeCompare(b.code))) {
    const node = nodes.get(r.code) as RegionNode;
    const parent = r.parentCode ? nodes.get(r.parentCode) : undefined;
    if (!parent) roots.push(node);
    else if (parent.children) parent.children.push(node);
    else parent.children = [node];
  }
  return roots;
}
