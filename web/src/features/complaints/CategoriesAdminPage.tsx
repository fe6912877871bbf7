// The agency admin's complaint categories (tree with tier, emergency lane and deadline; add and edit) and
// routing rules (category and/or region prefix → target unit; add and delete), and automatic assignment.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { SelectField, TextField } from '../../components/Field';
import { usePageTitle } from '../../components/page-title';
import { Empty, ErrorAlert, Loading } from '../../components/Status';
import { api, seg } from '../../lib/api';
import { useMe } from '../console/me-context';
import { AutoAssignSettings } from './AutoAssignSettings';
import { type Category, type CategoryInput, complaintsApi } from './complaints-api';
import { useStrings } from './strings';

const TIERS = ['ringan', 'normatif', 'tidak_berkadar_pengawasan', 'berkadar_pengawasan'] as const;
type Tier = (typeof TIERS)[number];
type Cat = Required<Category>;

/** Parents first, each followed by its children (sorted by code). */
function asTree(cats: Cat[]): { cat: Cat; depth: number }[] {
  const byCode = (a: Cat, b: Cat) => a.code.localeCompare(b.code);
  const ids = new Set(cats.map((c) => c.id));
  const out: { cat: Cat; depth: number }[] = [];
  const walk = (parentId: string | null, depth: number) => {
    for (const c of cats
      .filter((x) => (parentId === null ? !x.parentId || !ids.has(x.parentId) : x.parentId === parentId))
      .sort(byCode)) {
      out.push({ cat: c, depth });
      if (depth < 5) walk(c.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

const days = (v: string): number | null => (v.trim() ? Number(v) : null);

export function CategoriesAdminPage() {
  const { s, lang } = useStrings();
  usePageTitle(s('catAdminTitle'));
  const me = useMe();
  const qc = useQueryClient();
  const cats = useQuery({ queryKey: ['complaint-admin-categories'], queryFn: complaintsApi.adminCategories });
  const rules = useQuery({ queryKey: ['complaint-routing-rules'], queryFn: complaintsApi.rules });
  const units = useQuery({
    queryKey: ['units', me.agency?.slug],
    queryFn: () =>
      api.get<{ units: { id: string; name: string; depth: number }[] }>(
        `/agencies/${seg(me.agency?.slug ?? '')}/units`,
      ),
    enabled: Boolean(me.agency),
  });
  const name = (c: Category) => (lang === 'en' ? c.nameEn : c.nameId);
  const refresh = () => {
    void qc.invalidateQueries({ queryKey: ['complaint-admin-categories'] });
    void qc.invalidateQueries({ queryKey: ['complaint-categories'] });
    void qc.invalidateQueries({ queryKey: ['complaint-routing-rules'] });
  };

  // ---- add a category
  const blank = {
    parentId: '',
    code: '',
    nameId: '',
    nameEn: '',
    tier: 'normatif' as Tier,
    emergency: false,
    days: '',
  };
  const [add, setAdd] = useState(blank);
  const create = useMutation({
    mutationFn: () =>
      complaintsApi.createCategory({
        parentId: add.parentId || null,
        code: add.code.trim(),
        nameId: add.nameId.trim(),
        nameEn: add.nameEn.trim(),
        tier: add.tier,
        emergency: add.emergency,
        resolutionDays: days(add.days),
      }),
    onSuccess: () => {
      setAdd(blank);
      refresh();
    },
  });

  // ---- edit one category (tier, emergency lane, deadline)
  const [editing, setEditing] = useState<{ id: string; tier: Tier; emergency: boolean; days: string } | null>(null);
  const update = useMutation({
    mutationFn: (e: { id: string; input: CategoryInput }) => complaintsApi.updateCategory(e.id, e.input),
    onSuccess: () => {
      setEditing(null);
      refresh();
    },
  });

  // ---- routing rules
  const [rule, setRule] = useState({ categoryId: '', regionPrefix: '', targetUnitId: '' });
  const createRule = useMutation({
    mutationFn: () =>
      complaintsApi.createRule({
        categoryId: rule.categoryId || null,
        regionPrefix: rule.regionPrefix.trim() || null,
        targetUnitId: rule.targetUnitId,
      }),
    onSuccess: () => {
      setRule({ categoryId: '', regionPrefix: '', targetUnitId: '' });
      refresh();
    },
  });
  const deleteRule = useMutation({ mutationFn: complaintsApi.deleteRule, onSuccess: refresh });

  const onAdd = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  const onRule = (e: FormEvent) => {
    e.preventDefault();
    createRule.mutate();
  };
  const tree = cats.data ? asTree(cats.data) : [];
  const tierOptions = TIERS.map((t) => (
    <option key={t} value={t}>
      {s(`tier_${t}`)}
    </option>
  ));

  return (
    <>
      <p>
        <Link to="/konsol/pengaduan">{s('back')}</Link>
      </p>
      <h1>{s('catAdminTitle')}</h1>

      <h2>{s('categories')}</h2>
      {cats.isPending ? (
        <Loading />
      ) : cats.error ? (
        <ErrorAlert error={cats.error} />
      ) : (
        <ul className="card-list" data-testid="category-tree">
          {tree.map(({ cat, depth }) => (
            <li key={cat.id} className="card" style={{ marginInlineStart: `${depth * 1.25}rem` }}>
              <p>
                <strong>{name(cat)}</strong> <span className="mono muted">{cat.code}</span>
              </p>
              <p>
                <span className="badge">{s(`tier_${cat.tier as Tier}`)}</span>{' '}
                {cat.emergency ? <span className="badge badge-danger">{s('emergency')}</span> : null}{' '}
                {cat.active ? null : <span className="badge">{s('catInactive')}</span>}{' '}
                <span className="muted">
                  {s('catDaysShort')}: {cat.resolutionDays ?? s('catDefaultDays')}
                </span>
              </p>
              {editing?.id === cat.id ? (
                <form
                  className="form"
                  aria-label={s('catEdit', { name: name(cat) })}
                  onSubmit={(e) => {
                    e.preventDefault();
                    update.mutate({
                      id: cat.id,
                      input: { tier: editing.tier, emergency: editing.emergency, resolutionDays: days(editing.days) },
                    });
                  }}
                >
                  <SelectField
                    label={s('catTier')}
                    value={editing.tier}
                    onChange={(e) => setEditing({ ...editing, tier: e.target.value as Tier })}
                  >
                    {tierOptions}
                  </SelectField>
                  <label className="checkbox">
                    <input
                      type="checkbox"
                      checked={editing.emergency}
                      onChange={(e) => setEditing({ ...editing, emergency: e.target.checked })}
                    />{' '}
                    {s('catEmergency')}
                  </label>
                  <TextField
                    label={s('catDays')}
                    type="number"
                    min={1}
                    max={60}
                    value={editing.days}
                    onChange={(e) => setEditing({ ...editing, days: e.target.value })}
                  />
                  <ErrorAlert error={update.error} />
                  <button type="submit" className="button" disabled={update.isPending}>
                    {s('save')}
                  </button>
                </form>
              ) : (
                <button
                  type="button"
                  className="button button-secondary button-small"
                  aria-label={s('catEdit', { name: name(cat) })}
                  onClick={() => {
                    update.reset();
                    setEditing({
                      id: cat.id,
                      tier: cat.tier as Tier,
                      emergency: cat.emergency,
                      days: cat.resolutionDays ? String(cat.resolutionDays) : '',
                    });
                  }}
                >
                  {s('edit')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}

      <form className="form" onSubmit={onAdd} aria-label={s('catAdd')}>
        <h2>{s('catAdd')}</h2>
        <SelectField
          label={s('catParent')}
          hint={s('catParentHint')}
          value={add.parentId}
          onChange={(e) => setAdd({ ...add, parentId: e.target.value })}
        >
          <option value="">{s('catTopLevel')}</option>
          {tree.map(({ cat }) => (
            <option key={cat.id} value={cat.id}>
              {name(cat)}
            </option>
          ))}
        </SelectField>
        <TextField
          label={s('catCode')}
          hint={s('catCodeHint')}
          value={add.code}
          onChange={(e) => setAdd({ ...add, code: e.target.value })}
          maxLength={60}
          required
        />
        <TextField
          label={s('catNameId')}
          value={add.nameId}
          onChange={(e) => setAdd({ ...add, nameId: e.target.value })}
          maxLength={150}
          required
        />
        <TextField
          label={s('catNameEn')}
          value={add.nameEn}
          onChange={(e) => setAdd({ ...add, nameEn: e.target.value })}
          maxLength={150}
          required
        />
        <SelectField
          label={s('catTier')}
          value={add.tier}
          onChange={(e) => setAdd({ ...add, tier: e.target.value as Tier })}
        >
          {tierOptions}
        </SelectField>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={add.emergency}
            onChange={(e) => setAdd({ ...add, emergency: e.target.checked })}
          />{' '}
          {s('catEmergency')}
        </label>
        <TextField
          label={s('catDays')}
          type="number"
          min={1}
          max={60}
          value={add.days}
          onChange={(e) => setAdd({ ...add, days: e.target.value })}
        />
        <ErrorAlert error={create.error} />
        {create.isSuccess ? <p role="status">{s('done')}</p> : null}
        <button type="submit" className="button" disabled={create.isPending}>
          {s('catAdd')}
        </button>
      </form>

      <h2>{s('rules')}</h2>
      <p>{s('rulesLead')}</p>
      {rules.isPending ? (
        <Loading />
      ) : rules.error ? (
        <ErrorAlert error={rules.error} />
      ) : rules.data.length === 0 ? (
        <Empty>{s('rulesEmpty')}</Empty>
      ) : (
        <ul className="card-list" data-testid="routing-rules">
          {rules.data.map((r, i) => (
            <li key={r.id} className="card">
              <p>
                {r.categoryName ?? s('ruleAnyCategory')} · {r.regionPrefix ?? s('ruleAnyRegion')} →{' '}
                <strong>{r.targetUnitName}</strong>
              </p>
              <button
                type="button"
                className="button button-secondary button-small"
                onClick={() => deleteRule.mutate(r.id)}
                disabled={deleteRule.isPending}
              >
                {s('ruleDelete', { n: i + 1 })}
              </button>
            </li>
          ))}
        </ul>
      )}
      <ErrorAlert error={deleteRule.error} />
      <form className="form" onSubmit={onRule} aria-label={s('ruleAdd')}>
        <h2 className="h3">{s('ruleAdd')}</h2>
        <SelectField
          label={s('category')}
          value={rule.categoryId}
          onChange={(e) => setRule({ ...rule, categoryId: e.target.value })}
        >
          <option value="">{s('ruleAnyCategory')}</option>
          {tree.map(({ cat }) => (
            <option key={cat.id} value={cat.id}>
              {name(cat)}
            </option>
          ))}
        </SelectField>
        <TextField
          label={s('ruleRegion')}
          hint={s('ruleRegionHint')}
          value={rule.regionPrefix}
          onChange={(e) => setRule({ ...rule, regionPrefix: e.target.value })}
          maxLength={13}
        />
        <SelectField
          label={s('ruleTarget')}
          value={rule.targetUnitId}
          onChange={(e) => setRule({ ...rule, targetUnitId: e.target.value })}
          required
        >
          <option value="">{s('chooseUnit')}</option>
          {(units.data?.units ?? []).map((u) => (
            <option key={u.id} value={u.id}>
              {'\u00a0'.repeat(u.depth * 2)}
              {u.name}
            </option>
          ))}
        </SelectField>
        <ErrorAlert error={createRule.error} />
        <button type="submit" className="button" disabled={createRule.isPending || !rule.targetUnitId}>
          {s('ruleAdd')}
        </button>
      </form>

      <AutoAssignSettings />
    </>
  );
}
