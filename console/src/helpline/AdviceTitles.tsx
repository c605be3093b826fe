// The titles of the advice articles a contact used (the contact keeps only their ids); if the
// library does not answer, a short form of the id stands in.
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../i18n';
import { useLoad } from '../useLoad';
import { adviceLookupApi, type AdviceArticleRef } from './api';
import { articleTitle } from './format';

export function AdviceTitles({ ids }: { ids: string[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { data } = useLoad(
    () => Promise.all(ids.map((id) => adviceLookupApi.read(id).then((r): AdviceArticleRef | null => r.article, () => null))),
    [ids.join(',')],
  );
  return (
    <ul className="plain-list">
      {ids.map((id, index) => {
        const article = data?.[index];
        return <li key={id}>{article ? articleTitle(article, language) : data ? t('helpline.common.none') + ` ${id.slice(0, 8)}` : t('helpline.common.loading')}</li>;
      })}
    </ul>
  );
}
