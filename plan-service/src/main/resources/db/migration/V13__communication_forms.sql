-- The forms of communication as data, owned here: the national centre adds a form with the figures it
-- must report without a release (issue 23). required_figures lists alternatives: an activity of the form
-- reports at least one of them. A form in use is retired, never deleted, so old activities stay valid.
-- The seed is the 24 forms the code knew (with activity-service's FormRules exactly) plus the three the
-- seeds name and the code lacked; activity-service and indicator-service seed their replicas with the
-- same rows (V19, V8), as a seeded row has no event to replicate it from.
create table communication_form (
    code             text        primary key check (code ~ '^[A-Z][A-Z0-9_]{1,39}$'),
    channel          text        not null,
    name_vi          text        not null,
    name_en          text        not null,
    required_figures text[]      not null check (cardinality(required_figures) > 0),
    retired          boolean     not null default false,
    created_by       text        not null,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    version          int         not null default 0
);

insert into communication_form (code, channel, name_vi, name_en, required_figures, created_by) values
    ('BANNER',                 'VISUAL',                'Băng rôn',                          'Banner',                          '{quantity}', 'migration'),
    ('SLOGAN',                 'VISUAL',                'Khẩu hiệu, pa nô',                  'Slogan',                          '{quantity}', 'migration'),
    ('LAUNCH_CEREMONY',        'DIRECT',                'Lễ phát động',                      'Launch ceremony',                 '{attendance}', 'migration'),
    ('CONFERENCE',             'DIRECT',                'Hội nghị',                          'Conference',                      '{attendance}', 'migration'),
    ('DIALOGUE',               'DIRECT',                'Đối thoại',                         'Dialogue',                        '{attendance}', 'migration'),
    ('SMALL_GROUP',            'DIRECT',                'Tuyên truyền nhóm nhỏ',             'Small-group session',             '{attendance}', 'migration'),
    ('ADVISORY_BOOTH',         'DIRECT',                'Quầy tư vấn',                       'Advisory booth',                  '{attendance}', 'migration'),
    ('ONE_STOP_DESK',          'DIRECT',                'Bộ phận một cửa',                   'One-stop desk',                   '{attendance}', 'migration'),
    ('HOTLINE',                'DIRECT',                'Đường dây nóng',                    'Hotline',                         '{attendance,interactions}', 'migration'),
    ('ART_PERFORMANCE',        'DIRECT',                'Biểu diễn văn nghệ',                'Art performance',                 '{attendance}', 'migration'),
    ('MOBILE_CAMPAIGN',        'DIRECT',                'Tuyên truyền lưu động',             'Mobile campaign',                 '{attendance}', 'migration'),
    ('NEWS_ARTICLE',           'MASS_MEDIA',            'Tin, bài báo',                      'News article',                    '{link,reach}', 'migration'),
    ('RADIO_BROADCAST',        'MASS_MEDIA',            'Phát thanh',                        'Radio broadcast',                 '{quantity,durationMinutes}', 'migration'),
    ('LOUDSPEAKER_BROADCAST',  'MASS_MEDIA',            'Loa truyền thanh cơ sở',            'Loudspeaker broadcast',           '{quantity,durationMinutes}', 'migration'),
    ('INFOGRAPHIC',            'MASS_MEDIA',            'Infographic',                       'Infographic',                     '{link,reach}', 'migration'),
    ('MOTION_GRAPHIC',         'MASS_MEDIA',            'Video đồ hoạ (motion graphic)',     'Motion graphic',                  '{link,reach}', 'migration'),
    ('PORTAL_POST',            'INTERNET',              'Bài trên cổng thông tin điện tử',   'Portal post',                     '{link,reach}', 'migration'),
    ('SOCIAL_POST',            'INTERNET',              'Bài trên mạng xã hội',              'Social media post',               '{link,reach}', 'migration'),
    ('LIVESTREAM',             'INTERNET',              'Phát trực tiếp (livestream)',       'Livestream',                      '{plays,interactions}', 'migration'),
    ('ONLINE_CONTEST',         'INTERNET',              'Cuộc thi trực tuyến',               'Online contest',                  '{attendance,interactions}', 'migration'),
    ('LEAFLET',                'COMMUNICATION_PRODUCT', 'Tờ rơi',                            'Leaflet',                         '{quantity}', 'migration'),
    ('BROCHURE',               'COMMUNICATION_PRODUCT', 'Tờ gấp',                            'Brochure',                        '{quantity}', 'migration'),
    ('PROMOTIONAL_ITEM',       'COMMUNICATION_PRODUCT', 'Vật phẩm truyền thông',             'Promotional item',                '{quantity}', 'migration'),
    ('BOOK_AND_CARD_DONATION', 'DONATION',              'Trao tặng sổ BHXH, thẻ BHYT',       'Donation of insurance books and cards', '{booksAndCardsDonated}', 'migration'),
    ('TELEVISION_BROADCAST',   'MASS_MEDIA',            'Phát sóng truyền hình',             'Television broadcast',            '{quantity,durationMinutes}', 'migration'),
    ('SEMINAR',                'DIRECT',                'Tọa đàm',                           'Seminar',                         '{attendance}', 'migration'),
    ('TALK_SHOW',              'MASS_MEDIA',            'Talkshow',                          'Talk show',                       '{attendance,plays,reach}', 'migration');
