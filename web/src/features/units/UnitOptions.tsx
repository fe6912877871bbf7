// <option>s of the unit tree, indented by depth, for any <select> that picks a unit.
import { type UnitNode, flatten } from './units-api';

export function UnitOptions({ tree }: { tree: UnitNode[] }) {
  return (
    <>
      {flatten(tree).map(({ unit, depth }) => (
        <option key={unit.id} value={unit.id}>
          {`${'\u00a0\u00a0'.repeat(depth)}${depth ? '└ ' : ''}${unit.name}`}
        </option>
      ))}
    </>
  );
}
