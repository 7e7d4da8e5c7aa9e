-- Argo CD health check for identity.konghq.com/v1alpha1: AuthServer, Scope, Claim, Client, UpstreamOAuthPolicy.
-- The operator writes kstatus conditions (Ready, Reconciling, Stalled) and status.observedGeneration, so this
-- script reads them the way kstatus does: a verdict counts only for the generation it was computed from.
-- Argo CD runs it in gopher-lua (Lua 5.1) with only the base, table and a safe os library: no string or math
-- library, so the script uses nothing but base functions. Any field may be missing; it never raises an error.
-- Embedded verbatim in argocd-cm.yaml for each kind; a test keeps the copies identical.

local function field(value, name)
  if type(value) == "table" then
    return value[name]
  end
  return nil
end

local function text(value)
  if type(value) == "string" then
    return value
  end
  return ""
end

local function condition(conditions, wanted)
  if type(conditions) ~= "table" then
    return nil
  end
  for _, item in ipairs(conditions) do
    if type(item) == "table" and item.type == wanted then
      return item
    end
  end
  return nil
end

local function isTrue(item)
  return type(item) == "table" and item.status == "True"
end

-- A condition's message, else its reason, so Argo CD never shows an empty explanation.
local function explain(item)
  local message = text(field(item, "message"))
  if message == "" then
    message = text(field(item, "reason"))
  end
  return message
end

local metadata = field(obj, "metadata")
local status = field(obj, "status")
local conditions = field(status, "conditions")
local ready = condition(conditions, "Ready")
local reconciling = condition(conditions, "Reconciling")
local stalled = condition(conditions, "Stalled")
local generation = tonumber(field(metadata, "generation"))
local observed = tonumber(field(status, "observedGeneration"))

-- Deletion wins: the finalizer is removing the object from Konnect (or orphaning it).
local deletionTimestamp = field(metadata, "deletionTimestamp")
if deletionTimestamp ~= nil and deletionTimestamp ~= "" then
  local message = ""
  if isTrue(reconciling) then
    message = explain(reconciling)
  elseif isTrue(stalled) then
    message = explain(stalled)
  end
  if message == "" then
    message = "waiting for the operator's finalizer"
  end
  return { status = "Progressing", message = "Deleting: " .. message }
end

-- No status yet, observedGeneration -1 (the CRD default) or absent, or behind metadata.generation: whatever the
-- conditions say describes an older spec (a Stalled verdict included), so wait for the operator.
if type(status) ~= "table" or observed == nil or observed < 0 or (generation ~= nil and observed ~= generation) then
  local subject = "this object"
  if generation ~= nil then
    subject = "generation " .. tostring(generation)
  end
  return { status = "Progressing", message = "Waiting for the operator to observe " .. subject }
end

-- Stalled before Ready: a stalled object also has Ready=False, and checking Ready first would hide why.
if isTrue(stalled) then
  return { status = "Degraded", message = explain(stalled) }
end

if isTrue(reconciling) then
  return { status = "Progressing", message = explain(reconciling) }
end

if isTrue(ready) then
  return { status = "Healthy", message = explain(ready) }
end

if ready ~= nil then
  return { status = "Progressing", message = explain(ready) }
end
return { status = "Progressing", message = "Waiting for the operator to set the Ready condition" }
