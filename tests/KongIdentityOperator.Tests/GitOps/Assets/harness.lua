-- Runs an Argo CD health script on one object, the way Argo CD does: the object is the global `obj`, the script
-- is a chunk whose return value is the health table, and only the base and table libraries are visible
-- (Argo CD's gopher-lua VM opens base, table, package and a safe os; no string or math library).
-- Usage: lua5.1 harness.lua <json.lua> <health.lua> < object.json
-- Prints the status on the first line and the message after it; exits 1 when the script fails or returns an
-- invalid health table.

local decoderPath, scriptPath = arg[1], arg[2]
local json = dofile(decoderPath)
local object = json.decode(io.read("*a"))

local script, loadError = loadfile(scriptPath)
if not script then
  io.stderr:write("cannot load health script: " .. loadError .. "\n")
  os.exit(1)
end

local sandbox = { obj = object, table = table }
for _, name in ipairs({ "assert", "error", "ipairs", "next", "pairs", "pcall", "select", "tonumber", "tostring",
  "type", "unpack", "xpcall", "rawequal", "rawget", "rawset", "getmetatable", "setmetatable" }) do
  sandbox[name] = _G[name]
end
setfenv(script, sandbox)

-- Without the string library, gopher-lua strings have no methods; hide them here too while the script runs.
local stringMeta = getmetatable("")
local stringMethods = stringMeta.__index
stringMeta.__index = nil
local ok, result = pcall(script)
stringMeta.__index = stringMethods

if not ok then
  io.stderr:write("health script failed: " .. tostring(result) .. "\n")
  os.exit(1)
end

local valid = { Healthy = true, Progressing = true, Degraded = true, Suspended = true, Missing = true, Unknown = true }
if type(result) ~= "table" or not valid[result.status] or (result.message ~= nil and type(result.message) ~= "string") then
  io.stderr:write("health script returned an invalid health table\n")
  os.exit(1)
end

io.write(result.status, "\n", result.message or "")
