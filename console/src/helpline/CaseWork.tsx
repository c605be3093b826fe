// Working a case (on the case screen): status, priority, title and assignee; the helpline
// contacts in it; follow-up tasks with due dates (overdue ones marked); notes. Every change
// reloads the case, so the timeline shows it too.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { CASE_PRIORITIES, CASE_STATUSES } from '../../../common/helpline';
import type { ApiError } from '../api';
import { SelectField, TextAreaField, TextField } from '../components/Field';
import { ErrorAlert, StatusMessage } from '../components/Messages';
import type { Case } from '../endpoints';
import { personName, useLanguage } from '../i18n';
import { asApiError, useUser } from '../session';
import { useLoad } from '../useLoad';
import { helplineApi, helplineCasesApi, type StaffMember, type UpdateCaseRequest } from './api';
import { ContactTable } from './ContactTable';
import { belgradeDateTime, belgradeToday, calendarDay } from './format';

const CASE_WORKER_ROLES = ['counsellor', 'analyst', 'supervisor'];

/** A timeline action's label: the console's catalogue first, then the helpline's, else the code. */
export function caseActionLabel(t: TFunction, action: string): string {
  if (!/^[a-z]+\.[a-z-]+$/.test(action)) return action;
  return t(`console.cases.actions.${action}`, { defaultValue: t(`helpline.caseActions.${action}`, { defaultValue: action }) });
}

/** Active case workers, for people who may list staff ('users.list'); null for everyone else. */
function useStaff() {
  const me = useUser();
  const canList = me.abilities['users.list'];
  const { data, error } = useLoad(
    () => (canList ? helplineApi.staff().then((r) => r.users.filter((u) => u.isActive && u.roles.some((role) => CASE_WORKER_ROLES.includes(role)))) : Promise.resolve(null)),
    [canList],
  );
  return { staff: data, hasFailed: error !== null };
}

function useCaseAction(onChanged: () => void) {
  const [error, setError] = useState<ApiError | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const run = async (action: () => Promise<unknown>, done: string): Promise<boolean> => {
    setError(null);
    setMessage(null);
    setIsBusy(true);
    try {
      await action();
      setMessage(done);
      onChanged();
      return true;
    } catch (reason) {
      setError(asApiError(reason));
      return false;
    } finally {
      setIsBusy(false);
    }
  };
  return { run, error, message, isBusy, setMessage };
}

export function CaseManage({ found, onChanged }: { found: Case; onChanged: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const me = useUser();
  const { staff, hasFailed } = useStaff();
  const [title, setTitle] = useState(found.title);
  const [status, setStatus] = useState(found.status);
  const [priority, setPriority] = useState(found.priority);
  const [assigneeId, setAssigneeId] = useState(found.assigneeId ?? '');
  const { run, error, message, isBusy, setMessage } = useCaseAction(onChanged);

  // After a save the case is reloaded: the form shows what was saved.
  useEffect(() => {
    setTitle(found.title);
    setStatus(found.status);
    setPriority(found.priority);
    setAssigneeId(found.assigneeId ?? '');
  }, [found.title, found.status, found.priority, found.assigneeId]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const patch: UpdateCaseRequest = {};
    if (title.trim() && title.trim() !== found.title) patch.title = title.trim();
    if (status !== found.status) patch.status = status;
    if (priority !== found.priority) patch.priority = priority;
    if (staff && assigneeId !== (found.assigneeId ?? '')) patch.assigneeId = assigneeId || null;
    if (Object.keys(patch).length === 0) {
      setMessage(t('console.common.noChanges'));
      return;
    }
    await run(() => helplineCasesApi.update(found.id, patch), t('helpline.caseWork.saved'));
  };

  return (
    <section aria-labelledby="case-manage">
      <h2 id="case-manage">{t('helpline.caseWork.manage')}</h2>
      <dl className="facts">
        <dt>{t('helpline.caseWork.assignee')}</dt>
        <dd data-testid="case-assignee">{found.assigneeName ? personName(found.assigneeName, language) : t('helpline.common.unassigned')}</dd>
        {found.closedAt && (
          <>
            <dt>{t('helpline.caseWork.closedAt')}</dt>
            <dd>
              <time dateTime={found.closedAt}>{belgradeDateTime(found.closedAt, language)}</time>
            </dd>
          </>
        )}
      </dl>
      <StatusMessage message={message} />
      <ErrorAlert error={error} knownFields={['title', 'status', 'priority', 'assigneeId']} />
      <form className="form" onSubmit={(event) => void submit(event)} noValidate data-testid="case-manage-form">
        <TextField label={t('helpline.caseWork.caseTitle')} name="caseTitle" maxLength={200} value={title} onChange={(event) => setTitle(event.target.value)} error={error?.fieldError('title')} />
        <div className="field-row">
          <SelectField label={t('helpline.caseWork.status')} name="caseStatus" value={status} onChange={(event) => setStatus(event.target.value as Case['status'])} error={error?.fieldError('status')}>
            {CASE_STATUSES.map((code) => (
              <option key={code} value={code}>
                {t(`helpline.codes.caseStatus.${code}`)}
              </option>
            ))}
          </SelectField>
          <SelectField label={t('helpline.caseWork.priority')} name="casePriority" value={priority} onChange={(event) => setPriority(event.target.value as Case['priority'])} error={error?.fieldError('priority')}>
            {CASE_PRIORITIES.map((code) => (
              <option key={code} value={code}>
                {t(`helpline.codes.casePriority.${code}`)}
              </option>
            ))}
          </SelectField>
          {staff && (
            <SelectField label={t('helpline.caseWork.assignee')} name="caseAssignee" value={assigneeId} onChange={(event) => setAssigneeId(event.target.value)} error={error?.fieldError('assigneeId')}>
              <option value="">{t('helpline.caseWork.assigneeNone')}</option>
              <StaffOptions staff={staff} current={found.assigneeId ? { id: found.assigneeId, name: found.assigneeName } : null} />
            </SelectField>
          )}
        </div>
        {hasFailed && <p className="hint">{t('helpline.caseWork.staffFailed')}</p>}
        <div className="button-row">
          <button type="submit" className="button-primary" disabled={isBusy} data-testid="save-case">
            {t('helpline.caseWork.save')}
          </button>
          {!staff && found.assigneeId !== me.id && (
            <button type="button" disabled={isBusy} data-testid="assign-to-me" onClick={() => void run(() => helplineCasesApi.update(found.id, { assigneeId: me.id }), t('helpline.caseWork.saved'))}>
              {t('helpline.caseWork.assignToMe')}
            </button>
          )}
        </div>
      </form>
    </section>
  );
}

function StaffOptions({ staff, current }: { staff: StaffMember[]; current: { id: string; name: string | null } | null }) {
  const language = useLanguage();
  const all = current && !staff.some((u) => u.id === current.id) ? [...staff, { id: current.id, displayName: current.name ?? current.id } as StaffMember] : staff;
  return (
    <>
      {all.map((user) => (
        <option key={user.id} value={user.id}>
          {personName(user.displayName, language)}
        </option>
      ))}
    </>
  );
}

export function CaseContacts({ found }: { found: Case }) {
  const { t } = useTranslation();
  return (
    <section>
      <h2 id="case-contacts">{t('helpline.caseWork.contacts')}</h2>
      {found.contacts.length === 0 ? <p>{t('helpline.caseWork.noContacts')}</p> : <ContactTable contacts={found.contacts} label={t('helpline.caseWork.contacts')} testId="case-contact" />}
      <p className="hint">{t('helpline.caseWork.contactsHint')}</p>
    </section>
  );
}

/** A week from today, the usual follow-up. */
function inAWeek(): string {
  const [y, m, d] = belgradeToday().split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! + 7)).toISOString().slice(0, 10);
}

export function CaseTasks({ found, onChanged }: { found: Case; onChanged: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { staff } = useStaff();
  const formId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [title, setTitle] = useState('');
  const [dueOn, setDueOn] = useState(inAWeek);
  const [assigneeId, setAssigneeId] = useState('');
  const [problems, setProblems] = useState<{ title?: string; dueOn?: string }>({});
  const { run, error, message, isBusy } = useCaseAction(onChanged);

  const add = async (event: FormEvent) => {
    event.preventDefault();
    const found_: { title?: string; dueOn?: string } = {};
    if (!title.trim()) found_.title = t('helpline.caseWork.taskTitleRequired');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(dueOn)) found_.dueOn = t('helpline.caseWork.taskDueRequired');
    setProblems(found_);
    if (Object.keys(found_).length) {
      formRef.current?.querySelector<HTMLElement>(found_.title ? '[name="taskTitle"]' : '[name="taskDueOn"]')?.focus();
      return;
    }
    const isAdded = await run(
      () => helplineCasesApi.addTask(found.id, { title: title.trim(), dueOn, ...(assigneeId ? { assigneeId } : {}) }),
      t('helpline.caseWork.taskAdded'),
    );
    if (isAdded) {
      setTitle('');
      setDueOn(inAWeek());
    }
  };

  return (
    <section aria-labelledby="case-tasks">
      <h2 id="case-tasks">{t('helpline.caseWork.tasks')}</h2>
      <StatusMessage message={message} />
      <ErrorAlert error={error} knownFields={['title', 'dueOn', 'assigneeId']} />
      {found.tasks.length === 0 ? (
        <p>{t('helpline.caseWork.noTasks')}</p>
      ) : (
        <ul className="plain-list task-list">
          {found.tasks.map((task) => (
            <li key={task.id} className={task.isOverdue ? 'task task-overdue' : task.doneAt ? 'task task-done' : 'task'} data-testid="case-task">
              <label className="checkbox">
                <input
                  type="checkbox"
                  checked={task.doneAt !== null}
                  disabled={isBusy}
                  onChange={(event) => void run(() => helplineCasesApi.setTaskDone(found.id, task.id, event.target.checked), t('helpline.caseWork.taskUpdated'))}
                />
                <span className="task-title">{task.title}</span>
              </label>
              <span className="task-meta">
                {t('helpline.caseWork.taskDue', { date: calendarDay(task.dueOn, language) })}
                {task.isOverdue && (
                  <>
                    {' '}
                    <span className="badge badge-overdue">{t('helpline.caseWork.taskOverdue')}</span>
                  </>
                )}
                {task.assigneeName && <> · {t('helpline.caseWork.taskAssignee', { name: personName(task.assigneeName, language) })}</>}
                {task.doneAt && <> · {t('helpline.caseWork.taskDoneAt', { at: belgradeDateTime(task.doneAt, language) })}</>}
              </span>
            </li>
          ))}
        </ul>
      )}
      <form ref={formRef} className="form form-inline task-form" onSubmit={(event) => void add(event)} noValidate aria-labelledby={`${formId}-legend`} data-testid="task-form">
        <h3 id={`${formId}-legend`}>{t('helpline.caseWork.newTask')}</h3>
        <TextField
          label={t('helpline.caseWork.taskTitle')}
          name="taskTitle"
          maxLength={300}
          required
          value={title}
          onChange={(event) => setTitle(event.target.value)}
          error={problems.title ?? error?.fieldError('title')}
        />
        <TextField
          label={t('helpline.caseWork.taskDueOn')}
          name="taskDueOn"
          type="date"
          required
          value={dueOn}
          onChange={(event) => setDueOn(event.target.value)}
          error={problems.dueOn ?? error?.fieldError('dueOn')}
        />
        {staff && (
          <SelectField label={t('helpline.caseWork.taskAssigneeLabel')} name="taskAssignee" value={assigneeId} onChange={(event) => setAssigneeId(event.target.value)}>
            <option value="">{t('helpline.caseWork.taskAssigneeDefault')}</option>
            <StaffOptions staff={staff} current={null} />
          </SelectField>
        )}
        <button type="submit" disabled={isBusy} data-testid="add-task">
          {t('helpline.caseWork.addTask')}
        </button>
      </form>
    </section>
  );
}

export function CaseNotes({ found, onChanged }: { found: Case; onChanged: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [body, setBody] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const { run, error, message, isBusy } = useCaseAction(onChanged);

  const add = async (event: FormEvent) => {
    event.preventDefault();
    if (!body.trim()) {
      setProblem(t('helpline.caseWork.noteRequired'));
      return;
    }
    setProblem(null);
    if (await run(() => helplineCasesApi.addNote(found.id, body.trim()), t('helpline.caseWork.noteAdded'))) setBody('');
  };

  return (
    <section aria-labelledby="case-notes">
      <h2 id="case-notes">{t('helpline.caseWork.notes')}</h2>
      {found.notes.length === 0 ? (
        <p>{t('helpline.caseWork.noNotes')}</p>
      ) : (
        <ol className="message-thread">
          {found.notes.map((note) => (
            <li key={note.id} className="message message-reporter" data-testid="case-note">
              <p className="message-meta muted">
                {t('helpline.caseWork.noteBy', {
                  name: note.authorName ? personName(note.authorName, language) : t('helpline.common.unknownPerson'),
                  at: belgradeDateTime(note.createdAt, language),
                })}
              </p>
              <p className="pre-wrap">{note.body}</p>
            </li>
          ))}
        </ol>
      )}
      <StatusMessage message={message} />
      <ErrorAlert error={error} knownFields={['body']} />
      <form className="form" onSubmit={(event) => void add(event)} noValidate data-testid="note-form">
        <TextAreaField label={t('helpline.caseWork.note')} name="noteBody" rows={3} maxLength={5000} value={body} onChange={(event) => setBody(event.target.value)} error={problem ?? error?.fieldError('body')} />
        <button type="submit" disabled={isBusy} data-testid="add-note">
          {t('helpline.caseWork.addNote')}
        </button>
      </form>
    </section>
  );
}
