/** Moves the item at `index` one place up (-1) or down (+1); the list is unchanged at either end. */
export function moveItem<T>(list: readonly T[], index: number, step: -1 | 1): T[] {
  const to = index + step;
  if (index < 0 || index >= list.length || to < 0 || to >= list.length) {
    return [...list];
  }
  const out = [...list];
  [out[index], out[to]] = [out[to] as T, out[index] as T];
  return out;
}

/** Position rows of the form as the API takes them: numbers from the inputs, empty fields left out. */
export interface PositionRow {
  id?: string;
  facilityId: string;
  facilityName: string;
  department: string;
  areaCode: string;
  capacity: string;
  target: string;
}

export function positionForApi(row: PositionRow): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (row.id !== undefined) out.id = row.id;
  if (row.facilityId !== '') out.facility_id = row.facilityId;
  else if (row.facilityName.trim() !== '') out.facility_name = row.facilityName.trim();
  if (row.department.trim() !== '') out.department = row.department.trim();
  if (row.areaCode !== '') out.area_code = row.areaCode;
  if (row.capacity.trim() !== '') out.capacity = Number(row.capacity);
  if (row.target.trim() !== '') out.target = Number(row.target);
  return out;
}

/** A cap row of the form: a designation ('医師多数区域' …) or chosen areas ('' as the scope). */
export interface CapRow {
  id?: string;
  name: string;
  designation: string;
  areaCodes: string[];
  cap: string;
}

export function capForApi(row: CapRow): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (row.id !== undefined) out.id = row.id;
  if (row.name.trim() !== '') out.name = row.name.trim();
  if (row.designation !== '') out.designation = row.designation;
  else out.area_codes = row.areaCodes;
  if (row.cap.trim() !== '') out.cap = Number(row.cap);
  return out;
}
