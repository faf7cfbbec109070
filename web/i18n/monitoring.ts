/** UI texts of the monitoring pages, zh-CN first; merged into the dictionaries in zh-CN.ts and en-US.ts. */
export const monitoringZhCN = {} as const;

export const monitoringEnUS: Record<keyof typeof monitoringZhCN, string> = {};
