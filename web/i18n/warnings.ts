/** UI texts of the warnings pages, zh-CN first; merged into the dictionaries in zh-CN.ts and en-US.ts. */
export const warningsZhCN = {} as const;

export const warningsEnUS: Record<keyof typeof warningsZhCN, string> = {};
