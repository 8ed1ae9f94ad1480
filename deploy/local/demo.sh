#!/usr/bin/env bash
# Loads a small demonstration through the gateway of a running platform (deploy/local/start.sh):
# a national -> Lao Cai -> commune tree, the May 2024 campaign plan under the master and 2024 plans, a small-group session in the
# commune and a feedback item, then shows the province's roll-up. Safe to run again: existing
# units are reported as conflicts and retried writes carry idempotency keys.
#
#   deploy/local/demo.sh [GATEWAY_URL]     (default http://localhost:$COMMOPS_HTTP_PORT_BASE, i.e. :8080)
set -euo pipefail

GATEWAY=${1:-http://localhost:${COMMOPS_HTTP_PORT_BASE:-8080}}

# A token from the gateway's development issuer (demo users: national-admin, lc-manager, lc-officer,
# crisis-analyst, viewer, post-office).
TOKEN=$(curl -sS -X POST "$GATEWAY/auth/dev-token" -H 'Content-Type: application/json' \
  --data-binary '{"username":"national-admin"}' | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')
[[ -n "$TOKEN" ]] || { echo "no token from $GATEWAY/auth/dev-token: is the platform running?" >&2; exit 1; }
AUTH="Authorization: Bearer $TOKEN"

post() { # post PATH JSON [IDEMPOTENCY_KEY]
  local key=${3:-}
  printf '\nPOST %s\n' "$1" >&2
  curl -sS -X POST "$GATEWAY$1" -H "$AUTH" -H 'Content-Type: application/json' \
    ${key:+-H "Idempotency-Key: $key"} --data-binary "$2" -w '\n  -> HTTP %{http_code}\n'
}

get() {
  printf '\nGET %s\n' "$1" >&2
  curl -sS -H "$AUTH" "$GATEWAY$1" -w '\n  -> HTTP %{http_code}\n'
}

post /api/v1/org-units '{"code":"VN","name":"Bảo hiểm xã hội Việt Nam","levelCode":"NATIONAL"}'
post /api/v1/org-units '{"code":"LC","name":"Bảo hiểm xã hội tỉnh Lào Cai","levelCode":"PROVINCE","parentCode":"VN"}'
post /api/v1/org-units '{"code":"LC-HOPHAI","name":"Xã Hồ Phai","levelCode":"COMMUNE","parentCode":"LC"}'
# The cascade: the master plan (Decision 1676), the 2024 plan under it, the May campaign plan under that.
plan() { # plan JSON IDEMPOTENCY_KEY: creates the plan (a retry finds the first attempt's), prints its id
  printf '\nPOST /api/v1/plans\n' >&2
  curl -sS -X POST "$GATEWAY/api/v1/plans" -H "$AUTH" -H 'Content-Type: application/json' \
    -H "Idempotency-Key: $2" --data-binary "$1" | grep -o '"id":"[0-9a-f-]*"' | head -1 | cut -d'"' -f4
}
approve() { # approve PLAN_ID (again on a rerun: 409, harmless)
  post "/api/v1/plans/$1/transitions" '{"action":"SUBMIT"}' >/dev/null
  post "/api/v1/plans/$1/transitions" '{"action":"APPROVE"}' >/dev/null
}
MASTER=$(plan '{"type":"MASTER","title":"Đề án đổi mới tuyên truyền chính sách BHXH (Quyết định 1676/QĐ-TTg)","ownerUnitCode":"VN","periodStart":"2019-11-21","periodEnd":"2030-12-31","indicatorCodes":["NEW_VOLUNTARY_SI_PARTICIPANTS","NEW_HI_PARTICIPANTS"]}' demo-plan-master)
approve "$MASTER"
YEAR=$(plan '{"type":"ANNUAL","title":"Kế hoạch thông tin, truyền thông năm 2024","ownerUnitCode":"VN","periodStart":"2024-01-01","periodEnd":"2024-12-31","parentPlanId":"'"$MASTER"'"}' demo-plan-2024)
approve "$YEAR"
post /api/v1/plans '{"type":"CAMPAIGN","title":"Tháng vận động triển khai thực hiện BHXH toàn dân 2024","ownerUnitCode":"VN","periodStart":"2024-05-01","periodEnd":"2024-05-31","parentPlanId":"'"$YEAR"'"}' demo-plan-2024-05

# activity-service learns of the commune from plan-service's event; give it a moment.
for _ in $(seq 1 20); do
  code=$(curl -s -o /dev/null -w '%{http_code}' -X POST "$GATEWAY/api/v1/activities" -H "$AUTH" \
    -H 'Content-Type: application/json' -H 'Idempotency-Key: demo-small-group-1' \
    --data-binary '{"orgUnitCode":"LC-HOPHAI","form":"SMALL_GROUP","title":"Tuyên truyền nhóm nhỏ thôn Hồ Phai","startedAt":"2024-05-13T08:00:00+07:00","attendance":35}')
  [[ $code == 20? ]] && break
  sleep 0.5
done
printf '\nPOST /api/v1/activities\n  -> HTTP %s\n' "$code" >&2

post /api/v1/feedback '{"channel":"HOTLINE","text":"Rút BHXH một lần có bị bỏ không?","orgUnitCode":"LC","sourceId":"demo-call-1","contact":"0912 345 678","lawfulBasis":"CONSENT","consentTextVersion":"hotline-consent-2024-01"}'
sleep 1
get '/api/v1/indicators/activity-totals?orgUnit=LC&period=202405'
get '/api/v1/feedback?orgUnit=LC'
