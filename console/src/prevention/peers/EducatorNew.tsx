// Adding a peer educator; on success the coordinator lands on the new record (modules, account).
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { ErrorAlert } from '../../components/Messages';
import { Screen } from '../../components/Screen';
import { useLoad } from '../../useLoad';
import { peersApi } from './api';
import { EducatorForm, educatorBody, educatorValues } from './EducatorForm';

export function EducatorNew() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const cohorts = useLoad(() => peersApi.cohorts(), []);
  return (
    <Screen title={t('prevention.peers.form.newTitle')} headingTestId="new-educator-heading">
      <ErrorAlert error={cohorts.error} />
      {cohorts.data && (
        <EducatorForm
          initial={educatorValues(null, params.get('cohort') ?? cohorts.data.cohorts[0]?.id ?? '')}
          cohorts={cohorts.data.cohorts}
          submitLabel={t('prevention.peers.form.create')}
          onSubmit={async (values) => {
            const { id } = await peersApi.createEducator(educatorBody(values, null));
            navigate(`../${id}`, { relative: 'path', state: { message: t('prevention.peers.form.created') } });
          }}
        />
      )}
    </Screen>
  );
}
