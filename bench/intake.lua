-- wrk script of bench/intake.sh: POSTs a request for help as JSON, the same
-- request every time (about 300 characters of narrative), and counts the
-- answers by status. At the end it prints one line bench/intake.sh reads:
--   intake-counts sent=N answered=N created=N busy=N other=N other_status=S
-- `sent` - `answered` are the requests still in flight when wrk stopped: their
-- connection closed before an answer, so they were not acknowledged (the server
-- may have committed them all the same).

local body = '{"country":"AM","needs":["legal"],"urgency":"within_days",'
  .. '"narrative":"Police searched our office after we published a report on the '
  .. 'elections; they took two laptops and summoned me for questioning on Thursday. '
  .. 'I need a lawyer who can come with me, and advice on what to do about the '
  .. 'devices, because they hold the names of people who talked to us in confidence."}'

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  -- Globals, so that done() can read them through thread:get.
  sent, answered, created, busy, other, other_status = 0, 0, 0, 0, 0, ""
  prepared = wrk.format("POST", "/api/v1/requests",
    { ["Content-Type"] = "application/json" }, body)
end

function request()
  sent = sent + 1
  return prepared
end

function response(status, headers, body)
  answered = answered + 1
  if status == 201 then
    created = created + 1
  elseif status == 503 then
    busy = busy + 1
  else
    other = other + 1
    other_status = tostring(status)
  end
end

function done(summary, latency, requests)
  local totals = { sent = 0, answered = 0, created = 0, busy = 0, other = 0 }
  local last_other = "-"
  for _, thread in ipairs(threads) do
    for name, _ in pairs(totals) do
      totals[name] = totals[name] + thread:get(name)
    end
    local status = thread:get("other_status")
    if status ~= "" then last_other = status end
  end
  -- wrk calls request() once more in its first thread, to check the script,
  -- before it sends anything.
  totals.sent = totals.sent - 1
  io.write(string.format(
    "intake-counts sent=%d answered=%d created=%d busy=%d other=%d other_status=%s\n",
    totals.sent, totals.answered, totals.created, totals.busy, totals.other, last_other))
end
