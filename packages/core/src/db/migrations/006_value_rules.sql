-- What each indicator accepts as a value: decimal places (0 = whole numbers, e.g. counts of
-- enterprises) and the largest magnitude (null = the platform's sane maximum, 10^15).
alter table indicator
  add column value_decimals smallint not null default 3 check (value_decimals between 0 and 6),
  add column max_value numeric check (max_value > 0);
-- Counts are whole numbers.
update indicator set value_decimals = 0
  where unit_vi in ('lao động', 'người', 'cuộc', 'địa chỉ', 'chứng thư số', 'doanh nghiệp', 'thuê bao', 'cơ quan', 'thẻ');
