-- The managed taxonomy feedback is classified into (seeds 000, 001, 003: the questions people ask most).
create table topic (
    code        text        primary key,
    name_vi     text        not null,
    name_en     text        not null,
    description text,
    active      boolean     not null default true,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now(),
    version     int         not null default 0
);

insert into topic (code, name_vi, name_en, description) values
    ('ONE_TIME_WITHDRAWAL',    'Rút BHXH một lần',                      'One-time social insurance withdrawal', 'Conditions, procedure and rumours about withdrawing social insurance at once'),
    ('PENSIONS',               'Lương hưu',                             'Pensions',                             'Pension entitlement, amounts and adjustments'),
    ('HEALTH_INSURANCE_CARDS', 'Thẻ BHYT',                              'Health insurance cards',               'Issuing, renewing, lost cards and using them at hospitals'),
    ('CONTRIBUTIONS_ARREARS',  'Đóng BHXH và nợ đọng',                  'Contributions and arrears',            'Employers not paying or late paying contributions'),
    ('VOLUNTARY_INSURANCE',    'BHXH tự nguyện',                        'Voluntary social insurance',           'Joining, contributing and state support for voluntary insurance'),
    ('BENEFIT_DELAYS',         'Chậm chi trả chế độ',                   'Benefit payment delays',               'Benefits, pensions or allowances paid late'),
    ('SCAMS',                  'Lừa đảo',                               'Scams',                                'Impersonation of the agency, fake calls and links asking for money or data'),
    ('FALSE_INFORMATION',      'Thông tin sai sự thật',                 'False information',                    'Distorted or fabricated information about policies'),
    ('SICKNESS_MATERNITY',     'Ốm đau, thai sản',                      'Sickness and maternity',               'Sickness, maternity and convalescence benefits'),
    ('UNEMPLOYMENT_INSURANCE', 'Bảo hiểm thất nghiệp',                  'Unemployment insurance',               'Unemployment benefits and vocational support'),
    ('DIGITAL_SERVICES',       'Dịch vụ công trực tuyến, ứng dụng VssID', 'Online services and the VssID app',   'The VssID app, the public service portal, non-cash payments'),
    ('OTHER',                  'Khác',                                  'Other',                                'What no rule recognised');

-- Rules that classify feedback; editable through the API. Matching happens on folded text, so a rule
-- written with or without diacritics matches feedback written either way.
create table classification_rule (
    id                uuid        primary key,
    name              text        not null,
    match_kind        text        not null,
    keywords          jsonb,
    pattern           text,
    language          text,
    priority          int         not null,
    topic_code        text references topic (code),
    sentiment         text,
    false_information boolean,
    active            boolean     not null default true,
    created_at        timestamptz not null,
    updated_at        timestamptz not null,
    updated_by        text        not null,
    version           int         not null default 0
);

insert into classification_rule (id, name, match_kind, keywords, pattern, language, priority, topic_code, sentiment,
                                 false_information, created_at, updated_at, updated_by) values
    (gen_random_uuid(), 'Rút BHXH một lần', 'KEYWORD',
     '["rút bảo hiểm một lần", "rút BHXH một lần", "rút bảo hiểm xã hội một lần", "BHXH 1 lần", "rút BH 1 lần"]', null, 'vi', 50, 'ONE_TIME_WITHDRAWAL', null, null, now(), now(), 'seed'),
    (gen_random_uuid(), 'One-time withdrawal (en)', 'KEYWORD',
     '["one-time withdrawal", "lump-sum withdrawal", "withdraw social insurance"]', null, 'en', 50, 'ONE_TIME_WITHDRAWAL', null, null, now(), now(), 'seed'),
    (gen_random_uuid(), 'Lương hưu', 'KEYWORD',
     '["lương hưu", "nghỉ hưu", "chế độ hưu trí", "pension"]', null, null, 40, 'PENSIONS', null, null, now(), now(), 'seed'),
    (gen_random_uuid(), 'Thẻ BHYT', 'KEYWORD',
     '["thẻ BHYT", "thẻ bảo hiểm y tế", "mất thẻ BHYT", "cấp lại thẻ", "health insurance card"]', null, null, 40, 'HEALTH_INSURANCE_CARDS', null, null, now(), now(), 'seed'),
    (gen_random_uuid(), 'Nợ đóng BHXH', 'KEYWORD',
     '["nợ BHXH", "nợ đóng", "chậm đóng", "trốn đóng", "không đóng bảo hiểm", "contribution arrears", "unpaid contributions"]', null, null, 45, 'CONTRIBUTIONS_ARREARS', 'NEGATIVE', null, now(), now(), 'seed'),
    (gen_random_uuid(), 'BHXH tự nguyện', 'KEYWORD',
     '["BHXH tự nguyện", "bảo hiểm xã hội tự nguyện", "voluntary social insurance", "voluntary insurance"]', null, null, 40, 'VOLUNTARY_INSURANCE', null, null, now(), now(), 'seed'),
    (gen_random_uuid(), 'Chậm chi trả', 'KEYWORD',
     '["chậm chi trả", "chưa nhận được tiền", "chậm trả", "late payment", "benefit delay", "not been paid"]', null, null, 45, 'BENEFIT_DELAYS', 'NEGATIVE', null, now(), now(), 'seed'),
    (gen_random_uuid(), 'Thai sản, ốm đau', 'KEYWORD',
     '["thai sản", "ốm đau", "maternity", "sick leave"]', null, null, 35, 'SICKNESS_MATERNITY', null, null, now(), now(), 'seed'),
    (gen_random_uuid(), 'Thất nghiệp', 'KEYWORD',
     '["bảo hiểm thất nghiệp", "trợ cấp thất nghiệp", "unemployment"]', null, null, 35, 'UNEMPLOYMENT_INSURANCE', null, null, now(), now(), 'seed'),
    (gen_random_uuid(), 'VssID, dịch vụ công', 'KEYWORD',
     '["VssID", "dịch vụ công", "cổng dịch vụ", "không dùng tiền mặt"]', null, null, 30, 'DIGITAL_SERVICES', null, null, now(), now(), 'seed'),
    (gen_random_uuid(), 'Lừa đảo', 'KEYWORD',
     '["lừa đảo", "giả danh", "mạo danh", "chiếm đoạt", "scam", "fraud"]', null, null, 80, 'SCAMS', 'NEGATIVE', null, now(), now(), 'seed'),
    (gen_random_uuid(), 'Đường link lạ đòi chuyển tiền', 'REGEX',
     null, '(chuyen|nop) (tien|phi).{0,40}(link|duong dan|tai khoan)', 'vi', 75, 'SCAMS', 'NEGATIVE', null, now(), now(), 'seed'),
    (gen_random_uuid(), 'Tin giả', 'KEYWORD',
     '["tin giả", "tin đồn", "sai sự thật", "bịa đặt", "xuyên tạc", "fake news", "rumour", "rumor", "hoax"]', null, null, 90, 'FALSE_INFORMATION', 'NEGATIVE', true, now(), now(), 'seed'),
    (gen_random_uuid(), 'Tin đồn bỏ rút một lần', 'REGEX',
     null, 'nghe (noi|don|bao).{0,100}(bi bo|se bo|bai bo|dung chi|cam rut|khong (con )?(duoc|cho) rut)', 'vi', 85, 'FALSE_INFORMATION', 'NEGATIVE', true, now(), now(), 'seed'),
    (gen_random_uuid(), 'Bức xúc', 'KEYWORD',
     '["bức xúc", "phẫn nộ", "không chấp nhận", "quá chậm", "thất vọng", "angry", "unacceptable", "disappointed", "terrible"]', null, null, 20, null, 'NEGATIVE', null, now(), now(), 'seed'),
    (gen_random_uuid(), 'Cảm ơn', 'KEYWORD',
     '["cảm ơn", "hài lòng", "nhanh chóng", "tận tình", "thank you", "thanks", "satisfied", "helpful"]', null, null, 10, null, 'POSITIVE', null, now(), now(), 'seed');

alter table feedback
    add column topic_code               text references topic (code),
    add column sentiment                text,
    add column false_information        boolean not null default false,
    add column matched_rules            jsonb,
    add column classified_at            timestamptz,
    add column classification_overridden boolean not null default false,
    add column overridden_by            text,
    add column override_reason          text,
    add column overridden_at            timestamptz;

create index feedback_topic_received on feedback (topic_code, received_at);
