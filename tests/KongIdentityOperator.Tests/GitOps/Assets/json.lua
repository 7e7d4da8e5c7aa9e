-- A small, strict JSON decoder for the health-check harness (no Lua libraries are installed on the test machines).
-- Objects and arrays become tables, null becomes nil, numbers become Lua numbers: the shape Argo CD's
-- gopher-lua bridge hands to a health script. Malformed input raises an error naming the offset.

local json = {}

local escapes = { ['"'] = '"', ["\\"] = "\\", ["/"] = "/", b = "\b", f = "\f", n = "\n", r = "\r", t = "\t" }

local function fail(text, index, what)
  error("invalid JSON at offset " .. index .. ": " .. what .. " near '" .. text:sub(index, index + 20) .. "'", 0)
end

local function skip(text, index)
  local _, stop = text:find("^[ \t\r\n]*", index)
  return stop + 1
end

local function utf8(code)
  if code < 0x80 then
    return string.char(code)
  elseif code < 0x800 then
    return string.char(0xC0 + math.floor(code / 0x40), 0x80 + code % 0x40)
  elseif code < 0x10000 then
    return string.char(0xE0 + math.floor(code / 0x1000), 0x80 + math.floor(code / 0x40) % 0x40, 0x80 + code % 0x40)
  end
  return string.char(0xF0 + math.floor(code / 0x40000), 0x80 + math.floor(code / 0x1000) % 0x40,
    0x80 + math.floor(code / 0x40) % 0x40, 0x80 + code % 0x40)
end

local decodeValue

local function decodeString(text, index)
  local parts = {}
  local position = index + 1
  while true do
    local char = text:sub(position, position)
    if char == "" then
      fail(text, index, "unterminated string")
    elseif char == '"' then
      return table.concat(parts), position + 1
    elseif char == "\\" then
      local escape = text:sub(position + 1, position + 1)
      if escape == "u" then
        local hex = text:sub(position + 2, position + 5)
        if not hex:find("^%x%x%x%x$") then
          fail(text, position, "bad \\u escape")
        end
        local code = tonumber(hex, 16)
        position = position + 6
        local low = text:match("^\\u(%x%x%x%x)", position)
        if code >= 0xD800 and code <= 0xDBFF and low then
          code = 0x10000 + (code - 0xD800) * 0x400 + (tonumber(low, 16) - 0xDC00)
          position = position + 6
        end
        parts[#parts + 1] = utf8(code)
      elseif escapes[escape] then
        parts[#parts + 1] = escapes[escape]
        position = position + 2
      else
        fail(text, position, "bad escape")
      end
    elseif char:byte() < 0x20 then
      fail(text, position, "control character in string")
    else
      local stop = text:find('["\\%c]', position)
      if not stop then
        fail(text, index, "unterminated string")
      end
      parts[#parts + 1] = text:sub(position, stop - 1)
      position = stop
    end
  end
end

local function decodeNumber(text, index)
  local number = text:match("^-?%d+%.?%d*[eE]?[-+]?%d*", index)
  local value = number and tonumber(number)
  if not value then
    fail(text, index, "bad number")
  end
  return value, index + #number
end

local function decodeArray(text, index)
  local result = {}
  local position = skip(text, index + 1)
  if text:sub(position, position) == "]" then
    return result, position + 1
  end
  while true do
    local value
    value, position = decodeValue(text, position)
    result[#result + 1] = value
    position = skip(text, position)
    local char = text:sub(position, position)
    if char == "]" then
      return result, position + 1
    elseif char ~= "," then
      fail(text, position, "expected ',' or ']'")
    end
    position = skip(text, position + 1)
  end
end

local function decodeObject(text, index)
  local result = {}
  local position = skip(text, index + 1)
  if text:sub(position, position) == "}" then
    return result, position + 1
  end
  while true do
    if text:sub(position, position) ~= '"' then
      fail(text, position, "expected a key")
    end
    local key
    key, position = decodeString(text, position)
    position = skip(text, position)
    if text:sub(position, position) ~= ":" then
      fail(text, position, "expected ':'")
    end
    local value
    value, position = decodeValue(text, skip(text, position + 1))
    result[key] = value
    position = skip(text, position)
    local char = text:sub(position, position)
    if char == "}" then
      return result, position + 1
    elseif char ~= "," then
      fail(text, position, "expected ',' or '}'")
    end
    position = skip(text, position + 1)
  end
end

local literals = { ["true"] = true, ["false"] = false }

decodeValue = function(text, index)
  index = skip(text, index)
  local char = text:sub(index, index)
  if char == "{" then
    return decodeObject(text, index)
  elseif char == "[" then
    return decodeArray(text, index)
  elseif char == '"' then
    return decodeString(text, index)
  elseif char == "-" or char:find("^%d$") then
    return decodeNumber(text, index)
  end
  for word, value in pairs(literals) do
    if text:sub(index, index + #word - 1) == word then
      return value, index + #word
    end
  end
  if text:sub(index, index + 3) == "null" then
    return nil, index + 4
  end
  fail(text, index, "unexpected character")
end

function json.decode(text)
  local value, position = decodeValue(text, 1)
  position = skip(text, position)
  if position <= #text then
    fail(text, position, "trailing characters")
  end
  return value
end

return json
