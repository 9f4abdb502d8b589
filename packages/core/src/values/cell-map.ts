/**
 * Values by cell (indicator id, unit id, period id) without a string key per lookup: a batch of
 * 280,000 rows built and hashed 280,000 such strings to find duplicate rows, a large share of its
 * validation's time and of the garbage collector's. Periods are few per batch, indicators fewer
 * than units: the maps nest in that order.
 */
export class CellMap<T> {
  readonly #byPeriod = new Map<string, Map<number, Map<number, T>>>();

  get(indicatorId: number, unitId: number, period: string): T | undefined {
    return this.#byPeriod.get(period)?.get(indicatorId)?.get(unitId);
  }

  set(indicatorId: number, unitId: number, period: string, value: T): void {
    let byIndicator = this.#byPeriod.get(period);
    if (!byIndicator) this.#byPeriod.set(period, (byIndicator = new Map()));
    let byUnit = byIndicator.get(indicatorId);
    if (!byUnit) byIndicator.set(indicatorId, (byUnit = new Map()));
    byUnit.set(unitId, value);
  }
}
