import { Flex, Typography } from 'antd';
import { Link } from 'react-router';
import { type Translate, useI18n } from '../i18n';
import { industryName } from '../lib/format';
import type { CardPlace, DataColumn } from './DataList';
import { Ellipsis } from './Ellipsis';

/** An enterprise in a list: its name (linked to its page when `id` is given) over its industry. */
export function EnterpriseCell({ name, industry, id }: { name: string | null | undefined; industry?: string | null; id?: string | null }) {
  const { locale } = useI18n();
  if (!name) return <>—</>;
  return (
    <Flex vertical gap={2} style={{ minWidth: 0 }}>
      {id ? (
        <Link to={`/enterprises/${id}`}>
          <Ellipsis text={name} />
        </Link>
      ) : (
        <Ellipsis text={name} />
      )}
      {industry ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {industryName(industry, locale)}
        </Typography.Text>
      ) : null}
    </Flex>
  );
}

interface EnterpriseRow {
  enterpriseName: string | null;
  industry?: string | null;
  enterpriseId?: string | null;
}

/**
 * The enterprise column of a list whose rows carry `enterpriseName` (and `industry`, `enterpriseId`):
 * `columns={[…, enterpriseColumn(t), …]}`. `link: true` links the name to the enterprise's page.
 */
export function enterpriseColumn<T extends EnterpriseRow>(
  t: Translate,
  { link = false, width = 200, card = 'body', sortable }: { link?: boolean; width?: number; card?: CardPlace; sortable?: object } = {},
): DataColumn<T> {
  return {
    title: t('kit.enterprise'),
    key: 'enterpriseName',
    dataIndex: 'enterpriseName',
    width,
    card,
    ...sortable,
    render: (_: unknown, r: T) => <EnterpriseCell name={r.enterpriseName} industry={r.industry} id={link ? r.enterpriseId : null} />,
  };
}
