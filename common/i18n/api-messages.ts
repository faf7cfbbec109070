/**
 * API error texts in zh-CN and en-US (architecture.md §4.13). `{name}` placeholders are filled
 * from the error's params. The web app shows `error.message`, already in the user's language.
 */
export type Locale = 'zh-CN' | 'en-US';
export const LOCALES: Locale[] = ['zh-CN', 'en-US'];

export const ERROR_MESSAGES = {
  VALIDATION: { 'zh-CN': '输入有误，请检查标出的字段', 'en-US': 'Invalid input: see the fields listed' },
  UNAUTHENTICATED: { 'zh-CN': '请先登录', 'en-US': 'Please sign in' },
  SESSION_EXPIRED: { 'zh-CN': '会话已超时，请重新登录', 'en-US': 'Your session has expired; please sign in again' },
  FORBIDDEN: { 'zh-CN': '没有执行此操作的权限', 'en-US': 'You do not have permission to do this' },
  NOT_FOUND: { 'zh-CN': '未找到该记录', 'en-US': 'Not found' },
  INVALID_TRANSITION: {
    'zh-CN': '当前状态「{from}」下不能执行「{action}」',
    'en-US': 'Action "{action}" is not allowed in state "{from}"',
  },
  CONFLICT: { 'zh-CN': '记录已被他人修改或与现有数据冲突：{reason}', 'en-US': 'Conflict: {reason}' },
  STALE_VERSION: {
    'zh-CN': '该记录已被他人修改，请刷新后重试',
    'en-US': 'This record was changed by someone else; reload and try again',
  },
  SUPPLEMENT_WINDOW_CLOSED: {
    'zh-CN': '补报期限已于 {until} 届满（国务院令第493号第十三条），不能再续报',
    'en-US': 'The update window closed on {until} (Decree 493 Art. 13)',
  },
  DUPLICATE: { 'zh-CN': '{field}「{value}」已存在', 'en-US': '{field} "{value}" already exists' },
  BAD_CREDENTIALS: { 'zh-CN': '用户名或密码错误', 'en-US': 'Wrong username or password' },
  CAPTCHA_REQUIRED: { 'zh-CN': '请输入图形验证码后再登录', 'en-US': 'Enter the characters shown in the image to sign in' },
  CAPTCHA_INVALID: { 'zh-CN': '图形验证码错误或已过期，请重新输入', 'en-US': 'The image code was wrong or has expired; enter the new one' },
  PASSWORD_CHANGE_REQUIRED: {
    'zh-CN': '请先修改密码：密码已被重置、为初始密码或已过期，修改前不能进行其他操作',
    'en-US': 'Change your password first: it was reset, is an initial password or has expired, and nothing else works until it is changed',
  },
  ACCOUNT_DISABLED: { 'zh-CN': '账号已停用', 'en-US': 'This account is disabled' },
  OWN_ACCOUNT: {
    'zh-CN': '三权分立：不能对自己的账号执行此操作（本人密码请在“修改密码”中修改）',
    'en-US': 'Separation of duties: you cannot do this to your own account (change your own password under Change password)',
  },
  ADMIN_ACCOUNT: {
    'zh-CN': '三权分立：管理员（系统、安全、审计）账号只能由服务器运维人员用 taihang 命令行管理，管理员不能操作其他管理员的账号',
    'en-US':
      "Separation of duties: administrator accounts (system, security, audit) are managed only with the taihang command on the server; no administrator acts on another administrator's account",
  },
  NO_PASSWORD_RESET_PENDING: {
    'zh-CN': '该账号没有等待发放第二段临时密码的重置（须先由系统管理员重置密码）',
    'en-US': 'This account has no password reset waiting for its second half (the system administrator resets it first)',
  },
  PASSWORD_HALVES_ONE_PERSON: {
    'zh-CN': '三权分立：两段临时密码须由两个人分别发放，重置密码的人不能发放第二段',
    'en-US': 'Separation of duties: the two halves of a temporary password come from two people; whoever reset it cannot release the second half',
  },
  PASSWORD_POLICY: { 'zh-CN': '密码不符合策略：{reason}', 'en-US': 'The password does not meet the policy: {reason}' },
  SEPARATION_OF_DUTIES: {
    'zh-CN': '三权分立：{reason}',
    'en-US': 'Separation of duties: {reason}',
  },
  PAYLOAD_TOO_LARGE: { 'zh-CN': '请求内容或文件过大（上限 {limit}）', 'en-US': 'The request or file is too large (limit {limit})' },
  UNSUPPORTED_TYPE: { 'zh-CN': '不支持的内容类型：{type}', 'en-US': 'Unsupported content type: {type}' },
  DUPLICATE_RECORD: { 'zh-CN': '与现有记录重复，未保存任何数据', 'en-US': 'This duplicates an existing record; nothing was saved' },
  HEADERS_TOO_LARGE: { 'zh-CN': '请求头或地址过长（上限 {limit}）', 'en-US': 'The request headers or URL are too long (limit {limit})' },
  BAD_REQUEST: { 'zh-CN': '无法解析的 HTTP 请求', 'en-US': 'The HTTP request could not be parsed' },
  REQUEST_TIMEOUT: { 'zh-CN': '请求超时', 'en-US': 'The request timed out' },
  BAD_URL: { 'zh-CN': '请求地址格式错误（含有无法解码的字符）', 'en-US': 'The request URL is malformed (it has characters that cannot be decoded)' },
  IMPORT_TOO_LARGE: {
    'zh-CN': '导入文件解压后超过 {limit}（疑似压缩炸弹或含有表格以外的内容），未保存任何数据',
    'en-US': 'The import file unpacks to more than {limit} (a zip bomb or content other than the sheet?); nothing was saved',
  },
  IMPORT_TOO_MANY_ROWS: {
    'zh-CN': '导入文件超过 {max} 行的上限，未保存任何数据；请分批导入',
    'en-US': 'The import file has more than {max} rows; nothing was saved; import it in parts',
  },
  RATE_LIMITED: { 'zh-CN': '请求过于频繁，请稍后再试', 'en-US': 'Too many requests; try again later' },
  IMPORT_REJECTED: {
    'zh-CN': '导入文件有 {count} 行错误，未保存任何数据',
    'en-US': 'The file has {count} row errors; nothing was saved',
  },
  HAZARD_PLAN_REQUIRED: {
    'zh-CN': '重大事故隐患须先制定治理方案（目标任务、方法措施、经费物资、机构人员、时限要求、安全措施和应急预案）才能开始整改（安监总局令第16号第十五条）',
    'en-US':
      'A major hazard needs its rectification plan (Order 16 Art. 15: goals, measures, funds, people, deadline, safety measures and emergency plan) before rectification starts',
  },
  VERIFIER_IS_RECTIFIER: {
    'zh-CN': '验收人不能是整改责任人或整改提交人',
    'en-US': 'The verifier must not be the person who rectified or handed in the work',
  },
  HAZARD_NOT_MAJOR: { 'zh-CN': '只有重大事故隐患才能{action}', 'en-US': 'Only a major hazard can be {action}' },
  LISTING_EXISTS: { 'zh-CN': '本部门已对该隐患挂牌督办', 'en-US': 'Your department has already listed this hazard for supervision' },
  LISTING_HAZARD_OPEN: {
    'zh-CN': '隐患尚未整改销号，不能摘牌（当前状态「{from}」）',
    'en-US': 'The hazard is not closed yet, so the listing cannot be closed (state "{from}")',
  },
  BULK_OUT_OF_SCOPE: {
    'zh-CN': '所选 {count} 条隐患中有 {missing} 条不存在或不在您的管辖范围内，未执行任何操作',
    'en-US': '{missing} of the {count} selected hazards do not exist or are outside your scope; nothing was changed',
  },
  BULK_NOT_ALLOWED: {
    'zh-CN': '所选隐患中有 {count} 条当前不能{action}（如 {codes}），未执行任何操作',
    'en-US': '{count} of the selected hazards cannot be {action} now (e.g. {codes}); nothing was changed',
  },
  STATS_ALREADY_SUBMITTED: { 'zh-CN': '{period} 隐患统计分析表已报送', 'en-US': 'The {period} hazard statistics have already been submitted' },
  STATS_PERIOD_OPEN: { 'zh-CN': '{period} 尚未结束，不能报送', 'en-US': '{period} has not ended yet' },
  CAP_INVALID: {
    'zh-CN': 'CAP 预警文件未通过 CAP 1.2 校验，未保存任何数据：{reason}',
    'en-US': 'The CAP file does not validate against CAP 1.2; nothing was saved: {reason}',
  },
  CAP_DTD: {
    'zh-CN': 'CAP 预警文件含有 DTD（<!DOCTYPE> 或实体声明）；CAP 1.2 不使用 DTD，为安全起见拒绝导入，未保存任何数据',
    'en-US': 'The CAP file has a DTD (<!DOCTYPE> or entity declarations); CAP 1.2 uses none, so it is refused for safety; nothing was saved',
  },
  CAP_ENCODING: {
    'zh-CN': '无法按「{encoding}」读取 CAP 预警文件；支持 UTF-8、UTF-16（带字节顺序标记）和 GB18030（在 XML 声明中注明），未保存任何数据',
    'en-US':
      'The CAP file cannot be read as "{encoding}"; UTF-8, UTF-16 (with a byte-order mark) and GB18030 (declared in the XML prolog) are accepted; nothing was saved',
  },
  CAP_REFERENCE_ISSUED: {
    'zh-CN': '该 {msgType} 消息引用的预警 {identifier} 是本平台发布的预警，外部消息不能更改它（请由发布单位在预警详情中更新或解除），未保存任何数据',
    'en-US':
      'The {msgType} references {identifier}, a warning issued on this platform, which an imported message cannot change (its issuing unit updates or cancels it in the detail); nothing was saved',
  },
  CAP_REFERENCE_SENDER: {
    'zh-CN': '该 {msgType} 消息的发送方「{sender}」不是所引用预警 {identifier} 的发送方，不能更改该预警，未保存任何数据',
    'en-US': 'The {msgType} is from "{sender}", not from the sender of the referenced warning {identifier}, so it cannot change it; nothing was saved',
  },
  CAP_REFERENCE_OWNER: {
    'zh-CN': '该 {msgType} 消息引用的预警 {identifier} 由其他单位或其他订阅源导入，不在您单位（或本订阅源）的管理范围内，未保存任何数据',
    'en-US': 'The {msgType} references {identifier}, imported by another unit or through another feed, which yours may not change; nothing was saved',
  },
  CAP_IDENTIFIER_TAKEN: {
    'zh-CN': '标识符 {identifier} 已被其他发送方的预警使用，未保存任何数据',
    'en-US': 'The identifier {identifier} is already used by a warning of another sender; nothing was saved',
  },
  ALARM_FEEDBACK_REQUIRED: {
    'zh-CN': '报警须先完成分析研判和核查反馈（处置结论）才能闭环',
    'en-US': 'File the disposal feedback (analysis and classification) before closing the alarm',
  },
  ALARM_NOT_REAL: {
    'zh-CN': '该报警已研判为非真实报警，不能转为隐患或督办',
    'en-US': 'This alarm was classified as not real; it cannot become a hazard or a task',
  },
  ALARM_ALREADY_LINKED: { 'zh-CN': '该报警已转为隐患或督办事项', 'en-US': 'This alarm has already been turned into a hazard or task' },
  SENSOR_CHANGE_NEEDS_APPROVAL: {
    'zh-CN': '放宽安全限值或停用监测点须经监管部门审批，未作任何修改：请使用“申请放宽/停用（需监管部门审批）”并说明理由',
    'en-US':
      'Loosening a safety limit or taking a sensor out of service needs the supervising department’s approval; nothing was changed: use “Request loosening / out of service (needs approval)” with a reason',
  },
  SENSOR_CHANGE_PENDING: {
    'zh-CN': '该监测点已有待审批的放宽/停用申请，请等待监管部门审批',
    'en-US': 'This sensor already has a loosening / out-of-service request awaiting the supervising department',
  },
  INTERNAL: { 'zh-CN': '服务器内部错误（请求号 {requestId}）', 'en-US': 'Internal error (request {requestId})' },
} as const satisfies Record<string, Record<Locale, string>>;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

/** Field-level validation texts; zod issue codes and our own refinements map onto these. */
export const FIELD_MESSAGES = {
  required: { 'zh-CN': '必填', 'en-US': 'is required' },
  invalid_type: { 'zh-CN': '类型错误，应为{expected}', 'en-US': 'must be {expected}' },
  too_small: { 'zh-CN': '不能小于 {minimum}', 'en-US': 'must be at least {minimum}' },
  too_big: { 'zh-CN': '不能大于 {maximum}', 'en-US': 'must be at most {maximum}' },
  too_short: { 'zh-CN': '长度不能少于 {minimum}', 'en-US': 'must have at least {minimum} characters' },
  too_long: { 'zh-CN': '长度不能超过 {maximum}', 'en-US': 'must have at most {maximum} characters' },
  invalid_value: { 'zh-CN': '取值无效，可选：{values}', 'en-US': 'must be one of: {values}' },
  invalid_format: { 'zh-CN': '格式错误', 'en-US': 'has an invalid format' },
  unrecognized_keys: { 'zh-CN': '包含未知字段：{keys}', 'en-US': 'has unknown fields: {keys}' },
  invalid: { 'zh-CN': '无效', 'en-US': 'is invalid' },
  characters: {
    'zh-CN': '含有不允许的字符（空字符、控制字符或不成对的代理项）',
    'en-US': 'contains characters that are not allowed (NUL, control characters or unpaired surrogates)',
  },
  reference: { 'zh-CN': '引用的记录不存在', 'en-US': 'refers to a record that does not exist' },
  columns: { 'zh-CN': '有一行超过 {max} 列', 'en-US': 'has a row with more than {max} columns' },
  too_deep: { 'zh-CN': '嵌套层次过深', 'en-US': 'is nested too deeply' },
  json: { 'zh-CN': '不是有效的 JSON', 'en-US': 'is not valid JSON' },
  datetime: {
    'zh-CN': '不是有效的时间（带时区的 ISO 8601，{min}–{max} 年）',
    'en-US': 'is not a valid time (ISO 8601 with an offset, years {min}–{max})',
  },
  'uscc.length': { 'zh-CN': '应为 18 位', 'en-US': 'must be 18 characters' },
  'uscc.charset': {
    'zh-CN': '含有不允许的字符（不使用 I、O、S、V、Z）',
    'en-US': 'contains characters outside the code set (I, O, S, V, Z are never used)',
  },
  'uscc.format': { 'zh-CN': '格式不符合 GB 32100', 'en-US': 'does not follow the GB 32100 layout' },
  'uscc.checksum': { 'zh-CN': '校验码错误（应为 {expected}）', 'en-US': 'check character is wrong (expected {expected})' },
  'uscc.required': { 'zh-CN': '必填', 'en-US': 'is required' },
  phone: { 'zh-CN': '不是有效的手机号或固定电话', 'en-US': 'is not a valid mobile or landline number' },
  coordinates: { 'zh-CN': '坐标不在中国境内（经度 73–135，纬度 4–54）', 'en-US': 'is outside China (lng 73–135, lat 4–54)' },
  region: { 'zh-CN': '行政区划不存在或不在您的管辖范围内', 'en-US': 'is not a region within your jurisdiction' },
  department: { 'zh-CN': '部门不存在或不在您的管辖范围内', 'en-US': 'is not a department within your jurisdiction' },
  enterprise: { 'zh-CN': '企业不存在或不在您的管辖范围内', 'en-US': 'is not an enterprise within your jurisdiction' },
  attachment: { 'zh-CN': '附件不存在、不是您上传的或已用于其他记录', 'en-US': 'is not a file you uploaded, or it belongs to another record' },
  date: { 'zh-CN': '不是有效日期（YYYY-MM-DD，1900–2100 年）', 'en-US': 'is not a valid date (YYYY-MM-DD, years 1900–2100)' },
  dateOrder: { 'zh-CN': '截止日期不能早于起始日期', 'en-US': 'must not be before the start date' },
  group: { 'zh-CN': '所属集团无效', 'en-US': 'is not a group enterprise' },
  notGroupSelf: { 'zh-CN': '企业不能隶属于自身', 'en-US': 'an enterprise cannot belong to itself' },
  unique: { 'zh-CN': '已存在', 'en-US': 'already exists' },
  above_legal_limit: {
    'zh-CN': '不能高于法定限值 {maximum}，审批也不能突破（{source}）',
    'en-US': 'must be at most the legal limit {maximum}; no approval can exceed it ({source})',
  },
  below_legal_limit: {
    'zh-CN': '不能低于法定限值 {minimum}，审批也不能突破（{source}）',
    'en-US': 'must be at least the legal limit {minimum}; no approval can exceed it ({source})',
  },
  nothing_to_approve: { 'zh-CN': '没有需要审批的放宽或停用，可直接保存', 'en-US': 'loosens nothing that needs approval; save it directly' },
  role: { 'zh-CN': '角色不存在', 'en-US': 'is not a known role' },
  'role.kind': {
    'zh-CN': '角色「{role}」不适用于该类账号（企业账号只能授予企业角色，集团账号集团角色，政府与行业部门账号监管角色，平台账号一种管理员职责）',
    'en-US':
      'role "{role}" does not fit this kind of account (enterprise accounts take enterprise roles, group accounts group roles, government and industry accounts regulator roles, platform accounts one administrator duty)',
  },
  'password.length': { 'zh-CN': '至少 {min} 位', 'en-US': 'must have at least {min} characters' },
  'password.classes': {
    'zh-CN': '须包含大写字母、小写字母、数字、符号中的至少 {n} 类',
    'en-US': 'must mix at least {n} of upper case, lower case, digits and symbols',
  },
  'password.username': { 'zh-CN': '不能包含用户名', 'en-US': 'must not contain the username' },
  'polygon.points': { 'zh-CN': '多边形至少需要 4 个点（首尾相同）', 'en-US': 'a polygon needs at least 4 points (first = last)' },
  'polygon.closed': { 'zh-CN': '多边形未闭合（首点须与末点相同）', 'en-US': 'the polygon is not closed (the first point must equal the last)' },
  'area.required': { 'zh-CN': '请填写预警区域多边形或行政区划', 'en-US': 'give an area polygon or region codes' },
  'area.outside': {
    'zh-CN': '不在发布单位辖区内：区域内及周边 {km} 公里内没有本单位监管的已定位企业、重大危险源或尾矿库',
    'en-US':
      'lies outside the issuing unit’s jurisdiction: no located enterprise, major hazard installation or tailings pond it supervises is inside or within {km} km',
  },
  'password.reuse': { 'zh-CN': '不能与当前密码相同', 'en-US': 'must differ from the current password' },
  'password.notChosen': {
    'zh-CN': '三权分立：管理员不能指定他人的密码；重置后由系统管理员和安全管理员分别发放两段临时密码',
    'en-US':
      "separation of duties: no administrator chooses another account's password; after a reset the system and security administrators each give one half of a temporary password",
  },
  'cap.restricted': {
    'zh-CN': '含有 CAP 1.2 禁止的字符（空白、逗号、< 、& 或 ]]>），未保存任何数据',
    'en-US': 'contains characters CAP 1.2 forbids (white space, commas, <, & or ]]>); nothing was saved',
  },
  'boundary.collection': {
    'zh-CN': '应为含至少一个要素的 GeoJSON FeatureCollection',
    'en-US': 'must be a GeoJSON FeatureCollection with at least one feature',
  },
  'boundary.code': {
    'zh-CN': '要素属性中缺少 GB/T 2260 行政区划代码（code 或 adcode，6/9/12 位数字）',
    'en-US': 'has no GB/T 2260 region code in its properties (code or adcode, 6, 9 or 12 digits)',
  },
  'boundary.region': { 'zh-CN': '行政区划 {code} 不存在或在文件中重复', 'en-US': 'region {code} does not exist or appears twice in the file' },
  'boundary.geometry': { 'zh-CN': '行政区划 {code} 的边界无效：{reason}', 'en-US': 'the boundary of region {code} is invalid: {reason}' },
  'area.outsideBoundary': {
    'zh-CN': '与发布单位辖区（{region}）的边界不相交',
    'en-US': 'does not intersect the boundary of the issuing unit’s region ({region})',
  },
  'cap.references': {
    'zh-CN': '应为以空格分隔的「发送方,标识符,发送时间」三元组，且不含 < 、& 或 ]]>，未保存任何数据',
    'en-US': 'must be space-separated "sender,identifier,sent" triples without <, & or ]]>; nothing was saved',
  },
} as const satisfies Record<string, Record<Locale, string>>;

export type FieldMessageKey = keyof typeof FIELD_MESSAGES;

/** What a wrong-type field should have been (zod's `expected`), as a user reads it. */
export const TYPE_NAMES: Record<string, Record<Locale, string>> = {
  string: { 'zh-CN': '文本', 'en-US': 'text' },
  number: { 'zh-CN': '数字', 'en-US': 'a number' },
  int: { 'zh-CN': '整数', 'en-US': 'a whole number' },
  bigint: { 'zh-CN': '整数', 'en-US': 'a whole number' },
  boolean: { 'zh-CN': '是/否（true 或 false）', 'en-US': 'true or false' },
  object: { 'zh-CN': '对象（{…}）', 'en-US': 'an object ({…})' },
  array: { 'zh-CN': '列表（[…]）', 'en-US': 'a list ([…])' },
  date: { 'zh-CN': '日期', 'en-US': 'a date' },
  null: { 'zh-CN': '空值', 'en-US': 'null' },
};

/** Names of workflow states and actions, so a 409 reads 「已结案」 rather than 「closed」. */
export const STATE_NAMES: Record<string, Record<Locale, string>> = {
  operating: { 'zh-CN': '正常生产', 'en-US': 'operating' },
  suspended: { 'zh-CN': '停产整顿', 'en-US': 'suspended' },
  closed: { 'zh-CN': '已关闭/已结案', 'en-US': 'closed' },
  suspend: { 'zh-CN': '责令停产整顿', 'en-US': 'suspend' },
  resume: { 'zh-CN': '恢复生产', 'en-US': 'resume' },
  close: { 'zh-CN': '关闭', 'en-US': 'close' },
  reported: { 'zh-CN': '已报告', 'en-US': 'reported' },
  investigating: { 'zh-CN': '调查中', 'en-US': 'investigating' },
  reportSubmitted: { 'zh-CN': '调查报告已提交', 'en-US': 'report submitted' },
  supplement: { 'zh-CN': '续报', 'en-US': 'update' },
  startInvestigation: { 'zh-CN': '成立调查组', 'en-US': 'start investigation' },
  extendInvestigation: { 'zh-CN': '延长调查期限', 'en-US': 'extend investigation' },
  recordAppraisal: { 'zh-CN': '登记技术鉴定', 'en-US': 'record appraisal' },
  submitReport: { 'zh-CN': '提交调查报告', 'en-US': 'submit report' },
  reply: { 'zh-CN': '批复结案', 'en-US': 'reply' },
  publish: { 'zh-CN': '公开', 'en-US': 'publish' },
  report: { 'zh-CN': '上报', 'en-US': 'report' },
  confirm: { 'zh-CN': '确认接收', 'en-US': 'confirm receipt' },
  confirmed: { 'zh-CN': '已确认接收', 'en-US': 'confirmed' },
  done: { 'zh-CN': '已完成', 'en-US': 'done' },
  setAside: { 'zh-CN': '不适用', 'en-US': 'set aside' },
  received: { 'zh-CN': '待签收', 'en-US': 'received' },
  deployed: { 'zh-CN': '已部署', 'en-US': 'deployed' },
  inProgress: { 'zh-CN': '办理中', 'en-US': 'in progress' },
  resolved: { 'zh-CN': '已办结', 'en-US': 'resolved' },
  deploy: { 'zh-CN': '签收部署', 'en-US': 'deploy' },
  feedback: { 'zh-CN': '反馈', 'en-US': 'feedback' },
  resolve: { 'zh-CN': '办结', 'en-US': 'resolve' },
  accept: { 'zh-CN': '销号', 'en-US': 'accept' },
  return: { 'zh-CN': '退回', 'en-US': 'return' },
  none: { 'zh-CN': '无', 'en-US': 'none' },
  // hazards (隐患排查治理): prefixed, since 'confirm' or 'closed' mean other things elsewhere
  'hazard.reported': { 'zh-CN': '待确认', 'en-US': 'reported' },
  'hazard.confirmed': { 'zh-CN': '已确认待整改', 'en-US': 'confirmed' },
  'hazard.rectifying': { 'zh-CN': '整改中', 'en-US': 'rectifying' },
  'hazard.submitted': { 'zh-CN': '待验收', 'en-US': 'awaiting verification' },
  'hazard.verified': { 'zh-CN': '已验收待核销', 'en-US': 'verified, awaiting review' },
  'hazard.closed': { 'zh-CN': '已销号', 'en-US': 'closed' },
  'hazard.rejected': { 'zh-CN': '已驳回', 'en-US': 'rejected' },
  'hazard.confirm': { 'zh-CN': '确认定级', 'en-US': 'confirm' },
  'hazard.reject': { 'zh-CN': '驳回', 'en-US': 'reject' },
  'hazard.rectify': { 'zh-CN': '开始整改', 'en-US': 'start rectification' },
  'hazard.submit': { 'zh-CN': '提交验收', 'en-US': 'submit' },
  'hazard.verify': { 'zh-CN': '验收', 'en-US': 'verify' },
  'hazard.return': { 'zh-CN': '退回重改', 'en-US': 'return for rework' },
  'hazard.close': { 'zh-CN': '审查核销', 'en-US': 'close out' },
  'hazard.reopen': { 'zh-CN': '重新打开', 'en-US': 'reopen' },
  'hazard.assign': { 'zh-CN': '指派', 'en-US': 'assigned' },
  'hazard.extend': { 'zh-CN': '延期', 'en-US': 'extended' },
  'hazard.escalate': { 'zh-CN': '升级督办', 'en-US': 'escalated' },
  'hazard.list': { 'zh-CN': '挂牌督办', 'en-US': 'listed for supervision' },
  'hazard.plan': { 'zh-CN': '制定治理方案', 'en-US': 'given a plan' },
  'alarm.ACTIVE_UNACK': { 'zh-CN': '报警未确认', 'en-US': 'active, unacknowledged' },
  'alarm.ACTIVE_ACK': { 'zh-CN': '报警已确认', 'en-US': 'active, acknowledged' },
  'alarm.CLEARED_UNACK': { 'zh-CN': '已恢复未确认', 'en-US': 'cleared, unacknowledged' },
  'alarm.CLEARED': { 'zh-CN': '已恢复待闭环', 'en-US': 'cleared' },
  'alarm.SHELVED': { 'zh-CN': '已搁置', 'en-US': 'shelved' },
  'alarm.OUT_OF_SERVICE': { 'zh-CN': '已停用', 'en-US': 'out of service' },
  'alarm.CLOSED': { 'zh-CN': '已闭环', 'en-US': 'closed' },
  'alarm.ack': { 'zh-CN': '确认', 'en-US': 'acknowledge' },
  'alarm.feedback': { 'zh-CN': '处置反馈', 'en-US': 'file feedback' },
  'alarm.shelve': { 'zh-CN': '搁置', 'en-US': 'shelve' },
  'alarm.unshelve': { 'zh-CN': '取消搁置', 'en-US': 'unshelve' },
  'alarm.outOfService': { 'zh-CN': '停用', 'en-US': 'take out of service' },
  'alarm.returnToService': { 'zh-CN': '恢复启用', 'en-US': 'return to service' },
  'alarm.close': { 'zh-CN': '闭环', 'en-US': 'close' },
  'alarm.toHazard': { 'zh-CN': '转隐患', 'en-US': 'turn into a hazard' },
  'alarm.toTask': { 'zh-CN': '转督办', 'en-US': 'turn into a task' },
  'warning.active': { 'zh-CN': '生效中', 'en-US': 'active' },
  'warning.expired': { 'zh-CN': '已过期', 'en-US': 'expired' },
  'warning.cancelled': { 'zh-CN': '已解除', 'en-US': 'cancelled' },
  'warning.update': { 'zh-CN': '更新预警', 'en-US': 'update' },
  'warning.cancel': { 'zh-CN': '解除预警', 'en-US': 'cancel' },
  'warning.confirm': { 'zh-CN': '签收', 'en-US': 'confirm' },
};

export function fill(template: string, params: Record<string, unknown> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => (params[k] === undefined ? `{${k}}` : String(params[k])));
}

export function pickLocale(header: string | undefined | null): Locale {
  if (!header) return 'zh-CN';
  return /^\s*en/i.test(header) ? 'en-US' : 'zh-CN';
}
