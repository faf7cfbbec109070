/** UI texts of the risk pages, zh-CN first; merged into the dictionaries in zh-CN.ts and en-US.ts. */
export const riskZhCN = {
} as const;

export const riskEnUS: Record<keyof typeof riskZhCN, string> = {
};
