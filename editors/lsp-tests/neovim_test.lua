-- Run by neovim_test.sh in headless Neovim 0.7: every step checks what the built-in
-- LSP client got from `policyc lsp`, and the first failure exits 1 with its reason.
local function fail(why)
  io.stderr:write('FAIL: ' .. why .. '\n')
  vim.cmd('cquit 1')
end
local function check(ok, why) if not ok then fail(why) end end

local buf = vim.api.nvim_get_current_buf()
vim.bo[buf].filetype = 'policy'
local client_id = vim.lsp.start_client({
  name = 'policyc',
  cmd = { os.getenv('POLICYC'), 'lsp' },
  root_dir = vim.fn.getcwd(),
})
check(client_id, 'the client did not start')
vim.lsp.buf_attach_client(buf, client_id)

-- The first diagnostic of buffer `b`, once one arrives: at `lnum`:`col`, saying `says`.
local function first_diagnostic(b, lnum, col, says)
  check(vim.wait(10000, function() return #vim.diagnostic.get(b) > 0 end, 50),
    'no diagnostic arrived for ' .. vim.api.nvim_buf_get_name(b))
  local d = vim.diagnostic.get(b)[1]
  check(d.lnum == lnum and d.col == col, ('diagnostic at %d:%d'):format(d.lnum, d.col))
  check(d.message:find(says, 1, true), 'message: ' .. d.message)
  return d
end

-- 1. The typo's diagnostic.
print('diagnostic: ' .. first_diagnostic(buf, 9, 15, "did you mean 'Hosts'").message)

local function request(method, params)
  local replies = vim.lsp.buf_request_sync(buf, method, params, 10000)
  check(replies and replies[client_id], method .. ': no reply')
  local reply = replies[client_id]
  check(not reply.err, method .. ': ' .. vim.inspect(reply.err))
  return reply.result
end
local function at(line, character)
  return { textDocument = vim.lsp.util.make_text_document_params(buf),
           position = { line = line, character = character } }
end

-- 2. Hover on the set's use: its declaration.
local hover = request('textDocument/hover', at(14, 19))
check(hover and hover.contents.value:find('set allowlist: hostname', 1, true),
  'hover: ' .. vim.inspect(hover))
print('hover: ' .. hover.contents.value:gsub('\n', ' '))

-- 3. Fix the typo, then jump to the definition in the imported file.
vim.api.nvim_buf_set_text(buf, 9, 15, 9, 19, { 'Hosts' })
check(vim.wait(10000, function() return #vim.diagnostic.get(buf) == 0 end, 50),
  'the diagnostic did not go after the edit')
local locations = request('textDocument/definition', at(9, 16))
check(locations and #locations == 1, 'definition: ' .. vim.inspect(locations))
vim.lsp.util.jump_to_location(locations[1], 'utf-16')
check(vim.api.nvim_buf_get_name(0):match('defaults%.policy$'), 'jumped to ' .. vim.api.nvim_buf_get_name(0))
check(vim.api.nvim_win_get_cursor(0)[1] == 2, 'cursor not on the declaration line')
print('definition: ' .. vim.api.nvim_buf_get_name(0))
vim.api.nvim_set_current_buf(buf)

-- 4. Formatting through fmt.
vim.lsp.buf.formatting_sync(nil, 10000)
local line = vim.api.nvim_buf_get_lines(buf, 13, 14, false)[1]
check(line == '  mode = "strict"', 'formatted line: ' .. line)
print('formatted: ' .. line)

-- 5. A bottle with an unknown key (read against the shipped policy: no project here).
vim.cmd('edit ' .. vim.fn.fnameescape(vim.fn.getcwd() .. '/bottle.yaml'))
local bottle = vim.api.nvim_get_current_buf()
vim.bo[bottle].filetype = 'yaml'
vim.lsp.buf_attach_client(bottle, client_id)
print('bottle diagnostic: ' .. first_diagnostic(bottle, 0, 0, "did you mean 'supervise'").message)

vim.lsp.stop_client(client_id)
vim.cmd('qall!')
