import { EditOutlined, PhoneOutlined } from '@ant-design/icons';
import { Button, Card, Col, Descriptions, Flex, Result, Row, Skeleton, Typography } from 'antd';
import { useNavigate, useParams } from 'react-router';
import { PERSON_ROLES } from '../../../common/contracts/risk';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n';
import { errorMessage } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { useMajorHazard } from './api';
import { LinkedSensors } from './LinkedSensors';
import { GradeTag } from './labels';
import { TermsView } from './SubstanceRows';

/** A major hazard installation: its chemicals with each term, S, α, R, grade and 依据, and the 包保责任人. */
export function MajorHazardDetailPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const navigate = useNavigate();
  const { data, isLoading, error } = useMajorHazard(id);
  if (isLoading) return <Skeleton active />;
  if (error || !data) return <Result status="404" title={error ? errorMessage(error) : t('common.notFound')} />;
  const m = data.data;
  return (
    <>
      <PageHeader
        title={
          <Flex gap={8} align="center" wrap>
            <span>{m.name}</span>
            <GradeTag grade={m.grade} />
          </Flex>
        }
        extra={
          data.abilities.edit ? (
            <Button type="primary" icon={<EditOutlined />} onClick={() => navigate(`/major-hazard-sources/${m.id}/edit`)}>
              {t('common.edit')}
            </Button>
          ) : null
        }
      >
        <Typography.Text type="secondary">
          {m.code} · {m.enterpriseName}
        </Typography.Text>
      </PageHeader>
      <Row gutter={16}>
        <Col xs={24} lg={14}>
          <Card size="small" title={t('mh.sectionResult')} style={{ marginBottom: 16 }}>
            <TermsView r={{ ...m, gradeName: null }} />
          </Card>
          <LinkedSensors installationId={m.id} />
        </Col>
        <Col xs={24} lg={10}>
          <Card size="small" title={t('mh.sectionUnit')} style={{ marginBottom: 16 }}>
            <Descriptions
              size="small"
              column={1}
              items={[
                { key: 'k', label: t('mh.unitKind'), children: t(`mh.unit.${m.unitKind}`) },
                { key: 'l', label: t('risk.location'), children: m.location || '—' },
                { key: 'c', label: t('mh.coordinates'), children: m.lng != null && m.lat != null ? `${m.lng}, ${m.lat}` : t('mh.noCoordinates') },
                { key: 'p', label: t('mh.exposedPopulation'), children: m.exposedPopulation },
                { key: 'u', label: t('field.updatedAt'), children: formatDateTime(m.updatedAt) },
              ]}
            />
          </Card>
          <Card size="small" title={t('mh.sectionPersons')} style={{ marginBottom: 16 }}>
            <Descriptions
              size="small"
              column={1}
              items={PERSON_ROLES.map((r) => ({
                key: r,
                label: t(`mh.person.${r}`),
                children: (
                  <Flex gap={8} wrap>
                    <span>{m.persons[r].name}</span>
                    <a href={`tel:${m.persons[r].phone}`}>
                      <PhoneOutlined /> {m.persons[r].phone}
                    </a>
                  </Flex>
                ),
              }))}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
