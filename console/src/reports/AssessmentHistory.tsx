// The versioned assessments of a report, newest first.
import { useTranslation } from 'react-i18next';
import type { Assessment, LegalBasis } from '../endpoints';
import { formatDateTimeShort, personName, useLanguage } from '../i18n';
import { legalBasisByCode } from './legalBases';

export function AssessmentHistory({ assessments, legalBases }: { assessments: readonly Assessment[]; legalBases: readonly LegalBasis[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (assessments.length === 0) return <p>{t('console.hotline.assessments.none')}</p>;
  const notGiven = t('console.hotline.assessments.notGiven');
  return (
    <ol className="assessment-list">
      {assessments.map((a) => (
        <li key={a.id} className="assessment" data-testid="assessment">
          <h3>{t('console.hotline.assessments.version', { version: a.version })}</h3>
          <p className="hint">{t('console.hotline.assessments.by', { name: personName(a.assessedBy, language), date: formatDateTimeShort(a.assessedAt, language) })}</p>
          <dl className="facts">
            <dt>{t('console.hotline.assessments.classification')}</dt>
            <dd>
              <strong>{t(`console.hotline.classifications.${a.classification}`)}</strong>
            </dd>
            <dt>{t('console.hotline.assessments.legalBasis')}</dt>
            <dd>
              {a.legalBasis.length === 0 ? (
                notGiven
              ) : (
                <ul className="plain-list">
                  {a.legalBasis.map((code) => (
                    <li key={code}>{legalBasisByCode(t, code, legalBases, language)}</li>
                  ))}
                </ul>
              )}
            </dd>
            <dt>{t('console.hotline.assessments.victimAgeGroup')}</dt>
            <dd>{a.victimAgeGroup ? t(`console.hotline.victimAgeGroups.${a.victimAgeGroup}`) : notGiven}</dd>
            <dt>{t('console.hotline.assessments.victimGender')}</dt>
            <dd>{a.victimGender ? t(`console.hotline.victimGenders.${a.victimGender}`) : notGiven}</dd>
            <dt>{t('console.hotline.assessments.siteType')}</dt>
            <dd>{a.siteType ? t(`console.hotline.siteTypes.${a.siteType}`) : notGiven}</dd>
            <dt>{t('console.hotline.assessments.hostingCountry')}</dt>
            <dd>{a.hostingCountry ?? notGiven}</dd>
            <dt>{t('console.hotline.assessments.urgency')}</dt>
            <dd>{a.isUrgent ? t('console.hotline.report.urgentYes') : t('console.hotline.report.urgentNo')}</dd>
            <dt>{t('console.hotline.assessments.rationale')}</dt>
            <dd className="pre-wrap">{a.rationale}</dd>
          </dl>
        </li>
      ))}
    </ol>
  );
}
