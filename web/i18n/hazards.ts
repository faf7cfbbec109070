/** UI texts of the hazards pages, zh-CN first; merged into the dictionaries in zh-CN.ts and en-US.ts. */
export const hazardsZhCN = {
} as const;

export const hazardsEnUS: Record<keyof typeof hazardsZhCN, string> = {
};
