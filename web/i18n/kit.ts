/** UI texts of the web kit (web/lib, web/components), zh-CN first; merged into the dictionaries in zh-CN.ts and en-US.ts. */
export const kitZhCN = {
  'kit.filter.reset': '重置',
  'kit.filter.active': '已筛选 {n} 项',
  'kit.number.invalid': '请输入数字',
  'kit.number.integer': '请输入整数',
  'kit.text.count': '{count} / {max}',
  'kit.timeline.empty': '暂无记录',
  'kit.timeline.by': '{actor}',
  'kit.settings.reset': '撤销修改',
  'kit.settings.reload': '重新加载',
  'kit.settings.readOnly': '仅可查看：修改需要相应权限',
  'kit.settings.version': '第 {version} 版',
  'kit.settings.updated': '{at} 由 {actor} 修改',
  'kit.enterprise': '企业',
  'kit.card.more': '更多',
};

export const kitEnUS: Record<keyof typeof kitZhCN, string> = {
  'kit.filter.reset': 'Reset',
  'kit.filter.active': '{n} filters on',
  'kit.number.invalid': 'Enter a number',
  'kit.number.integer': 'Enter a whole number',
  'kit.text.count': '{count} / {max}',
  'kit.timeline.empty': 'No events yet',
  'kit.timeline.by': '{actor}',
  'kit.settings.reset': 'Undo changes',
  'kit.settings.reload': 'Reload',
  'kit.settings.readOnly': 'Read only: changing these needs the matching permission',
  'kit.settings.version': 'Version {version}',
  'kit.settings.updated': 'Changed {at} by {actor}',
  'kit.enterprise': 'Enterprise',
  'kit.card.more': 'More',
};
