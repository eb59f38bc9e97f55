-- Neovim's built-in LSP client against `policyc lsp`, headless: a policy with a typo
-- gets its diagnostic, an unsaved edit of an imported file changes the importer's
-- diagnostics, and formatting rewrites the buffer as `policyc fmt` would.
-- Run by nvim_lsp_test.sh with POLICYC and PROJECT set; exits 0, or 1 with the reason.
local policyc, project = os.getenv('POLICYC'), os.getenv('PROJECT')

local function fail(message)
  io.stderr:write('FAIL: ' .. message .. '\n')
  vim.cmd('cquit 1')
end

local client = vim.lsp.start_client({ name = 'policyc', cmd = { policyc, 'lsp' }, root_dir = project })
if not client then fail('the client did not start') end

local function open(name)
  vim.cmd('edit ' .. project .. '/' .. name)
  local buffer = vim.api.nvim_get_current_buf()
  vim.bo[buffer].filetype = 'policy'
  vim.lsp.buf_attach_client(buffer, client)
  return buffer
end

local function wait_for(what, predicate)
  if not vim.wait(10000, predicate, 20) then fail('timed out waiting for ' .. what) end
end

-- 1. The typo in pipelock.policy.
local entry = open('pipelock.policy')
wait_for('the typo diagnostic', function() return #vim.diagnostic.get(entry) > 0 end)
local d = vim.diagnostic.get(entry)[1]
if d.message ~= "unknown name 'DEFAULT'; did you mean 'DEFAULTS'?" or d.lnum ~= 9 or d.col ~= 15 then
  fail('unexpected diagnostic: ' .. vim.inspect(d))
end

-- 2. Rename DEFAULTS to DEFAULT in defaults.policy, unsaved: the typo is no longer one.
local imported = open('defaults.policy')
vim.api.nvim_buf_set_lines(imported, 0, -1, false, { 'const DEFAULT: list<hostname> = ["a.example.com"]' })
wait_for('the importer to be clean', function() return #vim.diagnostic.get(entry) == 0 end)

-- 3. Formatting, through the server, as `policyc fmt` lays it out.
vim.api.nvim_buf_set_lines(imported, 0, -1, false, { 'const   DEFAULT :list<hostname>=[ "a.example.com" ]' })
vim.lsp.buf.formatting_sync(nil, 5000)
local formatted = table.concat(vim.api.nvim_buf_get_lines(imported, 0, -1, false), '\n')
if formatted ~= 'const DEFAULT: list<hostname> = ["a.example.com"]' then
  fail('formatting gave: ' .. formatted)
end

vim.lsp.stop_client(client)
vim.cmd('qall!')
