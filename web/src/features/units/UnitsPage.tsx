// Units: the agency's unit tree, a form to add a unit under any parent, and renaming in place.
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { SelectField, TextField } from '../../components/Field';
import { usePageTitle } from '../../components/page-title';
import { Empty, ErrorAlert, Loading, Notice } from '../../components/Status';
import { useI18n } from '../../lib/i18n/i18n';
import { UNIT_KINDS, type UnitKind, isUnitKind, unitKindKey } from '../console/labels';
import { useMe } from '../console/me-context';
import { UnitOptions } from './UnitOptions';
import { type UnitNode, toTree, useUnitMutations, useUnits } from './units-api';

/** Kinds of unit that stand for a region (kecamatan, kelurahan, desa) and carry its Kemendagri code. */
const REGION_KINDS: readonly UnitKind[] = ['kecamatan', 'kelurahan', 'desa'];

export function UnitsPage() {
  const { t } = useI18n();
  usePageTitle(t('units.title'));
  const me = useMe();
  const slug = me.agency?.slug ?? '';
  const units = useUnits(slug);
  const tree = units.data ? toTree(units.data) : [];
  return (
    <>
      <h1>{t('units.title')}</h1>
      {me.agency ? <p className="lead">{t('units.lead', { agency: me.agency.name })}</p> : null}
      <CreateUnit slug={slug} tree={tree} />
      <section aria-labelledby="tree-title">
        <h2 id="tree-title">{t('units.treeTitle')}</h2>
        {units.isPending ? (
          <Loading />
        ) : units.error ? (
          <ErrorAlert error={units.error} />
        ) : tree.length === 0 ? (
          <Empty>{t('units.empty')}</Empty>
        ) : (
          <ul className="tree" data-testid="unit-tree">
            {tree.map((n) => (
              <TreeNode key={n.id} node={n} slug={slug} />
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

function CreateUnit({ slug, tree }: { slug: string; tree: UnitNode[] }) {
  const { t } = useI18n();
  const { create } = useUnitMutations(slug);
  const [parentId, setParentId] = useState('');
  const [name, setName] = useState('');
  const [kind, setKind] = useState<UnitKind>('bidang');
  const [regionCode, setRegionCode] = useState('');
  const needsRegion = REGION_KINDS.includes(kind);
  const [created, setCreated] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setCreated(null);
    create.mutate(
      { parentId: parentId || null, name: name.trim(), kind, regionCode: needsRegion ? regionCode.trim() : null },
      {
        onSuccess: (u) => {
          setCreated(u.name);
          setName('');
          setRegionCode('');
        },
      },
    );
  };
  return (
    <section aria-labelledby="create-unit-title" className="panel">
      <h2 id="create-unit-title">{t('units.createTitle')}</h2>
      <form className="form" onSubmit={submit} aria-labelledby="create-unit-title">
        <SelectField label={t('units.parent')} value={parentId} onChange={(e) => setParentId(e.target.value)}>
          <option value="">{t('units.topLevel')}</option>
          <UnitOptions tree={tree} />
        </SelectField>
        <TextField
          label={t('units.name')}
          name="unit-name"
          required
          minLength={1}
          maxLength={200}
          autoComplete="off"
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <SelectField
          label={t('units.kind')}
          value={kind}
          onChange={(e) => isUnitKind(e.target.value) && setKind(e.target.value)}
        >
          {UNIT_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(unitKindKey(k))}
            </option>
          ))}
        </SelectField>
        {needsRegion ? (
          <TextField
            label={t('units.regionCode')}
            hint={t('units.regionCodeHint')}
            name="region-code"
            required
            inputMode="decimal"
            pattern="[0-9]{2}\.[0-9]{2}\.[0-9]{2}(\.[0-9]{4})?"
            maxLength={13}
            autoComplete="off"
            value={regionCode}
            onChange={(e) => setRegionCode(e.target.value)}
          />
        ) : null}
        <ErrorAlert error={create.error} />
        {created ? <Notice>{t('units.created', { name: created })}</Notice> : null}
        <button type="submit" className="button" disabled={create.isPending || !slug}>
          {t('units.create')}
        </button>
      </form>
    </section>
  );
}

function TreeNode({ node, slug }: { node: UnitNode; slug: string }) {
  const { t } = useI18n();
  const { rename } = useUnitMutations(slug);
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(node.name);
  const editRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (editing) editRef.current?.focus();
  }, [editing]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    rename.mutate({ id: node.id, name: name.trim() }, { onSuccess: () => setEditing(false) });
  };
  return (
    <li>
      <div className="tree-row">
        {editing ? (
          <form className="form inline-form" onSubmit={submit} aria-label={t('units.renameLabel', { name: node.name })}>
            <TextField
              label={t('units.newName', { name: node.name })}
              required
              minLength={1}
              maxLength={200}
              value={name}
              onChange={(e) => setName(e.target.value)}
              ref={editRef}
            />
            <div className="actions">
              <button type="submit" className="button button-small" disabled={rename.isPending}>
                {t('common.save')}
              </button>
              <button
                type="button"
                className="button button-secondary button-small"
                onClick={() => {
                  setEditing(false);
                  setName(node.name);
                  rename.reset();
                }}
              >
                {t('common.cancel')}
              </button>
            </div>
            <ErrorAlert error={rename.error} />
          </form>
        ) : (
          <>
            <span className="tree-name">{node.name}</span>
            <span className="badge">{isUnitKind(node.kind) ? t(unitKindKey(node.kind)) : node.kind}</span>
            {node.active === false ? <span className="badge badge-off">{t('units.inactive')}</span> : null}
            <button
              type="button"
              className="link-button"
              aria-label={t('units.renameLabel', { name: node.name })}
              onClick={() => {
                setName(node.name);
                setEditing(true);
              }}
            >
              {t('units.rename')}
            </button>
          </>
        )}
      </div>
      {node.children.length ? (
        <ul>
          {node.children.map((c) => (
            <TreeNode key={c.id} node={c} slug={slug} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}
