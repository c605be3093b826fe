// A table of contacts (the list, the repeat-caller look-up, a case's contacts).
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { TableWrap } from '../components/TableWrap';
import { personName, useLanguage } from '../i18n';
import type { ContactSummary } from './api';
import { belgradeDateTime, contactPath } from './format';

export function ContactTable({ contacts, label, testId = 'contact-row' }: { contacts: readonly ContactSummary[]; label: string; testId?: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <TableWrap label={label}>
      <table className="report-table contact-table">
        <thead>
          <tr>
            <th scope="col">{t('helpline.list.columns.number')}</th>
            <th scope="col">{t('helpline.list.columns.startedAt')}</th>
            <th scope="col">{t('helpline.list.columns.channel')}</th>
            <th scope="col">{t('helpline.list.columns.caller')}</th>
            <th scope="col">{t('helpline.list.columns.category')}</th>
            <th scope="col">{t('helpline.list.columns.status')}</th>
            <th scope="col">{t('helpline.list.columns.counsellor')}</th>
            <th scope="col">{t('helpline.list.columns.summary')}</th>
          </tr>
        </thead>
        <tbody>
          {contacts.map((contact) => (
            <tr key={contact.id} data-testid={testId} data-contact-id={contact.id}>
              <th scope="row">
                <Link to={contactPath(contact.id)}>{contact.number}</Link>
              </th>
              <td className="nowrap">
                <time dateTime={contact.startedAt}>{belgradeDateTime(contact.startedAt, language)}</time>
              </td>
              <td>{t(`helpline.codes.channel.${contact.channel}`)}</td>
              <td>
                {contact.contactType === 'data'
                  ? contact.callerType
                    ? t(`helpline.codes.callerType.${contact.callerType}`)
                    : t('helpline.common.none')
                  : t(`helpline.codes.contactType.${contact.contactType}`)}
              </td>
              <td>{contact.primaryCategory ? t(`helpline.codes.category.${contact.primaryCategory}`, { defaultValue: contact.primaryCategory }) : t('helpline.common.none')}</td>
              <td>
                <span className={`tag contact-status-${contact.status}`}>{t(`helpline.codes.contactStatus.${contact.status}`)}</span>
                {contact.caseId && (
                  <>
                    {' '}
                    <span className="tag tag-muted">{t('helpline.list.inCase')}</span>
                  </>
                )}
              </td>
              <td>{contact.counsellorName ? personName(contact.counsellorName, language) : <span className="muted">{t('helpline.common.unassigned')}</span>}</td>
              <td className="report-excerpt">
                <p>{contact.excerpt}</p>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
