# policyc_layer(NAME FOLDERS dir... [EXCLUDE file...] [EXCLUDE_FOLDERS dir...]
#               [SOURCES file...] [LAYERS layer...] [EXTERNAL target...])
#
# A static library policyc_NAME of every .cpp under FOLDERS. Its sources and its users
# see its headers through an include root of its own (a folder in the build tree holding
# a link to each of FOLDERS), and the headers of the LAYERS it links, PRIVATE: a layer
# that includes a header of a layer it does not link fails to compile.
function(_policyc_layer_root name)
  set(root ${CMAKE_BINARY_DIR}/layer_roots/${name})
  foreach(folder ${ARGN})
    get_filename_component(parent ${root}/${folder} DIRECTORY)
    file(MAKE_DIRECTORY ${parent})
    if(NOT EXISTS ${root}/${folder})
      file(CREATE_LINK ${PROJECT_SOURCE_DIR}/${folder} ${root}/${folder} SYMBOLIC)
    endif()
  endforeach()
  set(layer_root ${root} PARENT_SCOPE)
endfunction()

function(policyc_layer name)
  cmake_parse_arguments(L "" "" "FOLDERS;EXCLUDE;EXCLUDE_FOLDERS;SOURCES;LAYERS;EXTERNAL"
                        ${ARGN})
  set(sources "")
  foreach(folder ${L_FOLDERS})
    file(GLOB_RECURSE found CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/${folder}/*.cpp)
    list(APPEND sources ${found})
  endforeach()
  foreach(file ${L_EXCLUDE})
    list(REMOVE_ITEM sources ${PROJECT_SOURCE_DIR}/${file})
  endforeach()
  foreach(folder ${L_EXCLUDE_FOLDERS})
    list(FILTER sources EXCLUDE REGEX "^${PROJECT_SOURCE_DIR}/${folder}/")
  endforeach()
  add_library(policyc_${name} STATIC ${sources} ${L_SOURCES})
  _policyc_layer_root(${name} ${L_FOLDERS})
  target_include_directories(policyc_${name} PUBLIC ${layer_root})
  foreach(layer ${L_LAYERS})
    target_link_libraries(policyc_${name} PRIVATE policyc_${layer})
  endforeach()
  target_link_libraries(policyc_${name} PRIVATE ${POLICYC_FMT} ${L_EXTERNAL})
endfunction()

# A layer of headers only (the grammar).
function(policyc_header_layer name)
  cmake_parse_arguments(L "" "" "FOLDERS;EXTERNAL" ${ARGN})
  add_library(policyc_${name} INTERFACE)
  _policyc_layer_root(${name} ${L_FOLDERS})
  target_include_directories(policyc_${name} INTERFACE ${layer_root})
  target_link_libraries(policyc_${name} INTERFACE ${L_EXTERNAL})
endfunction()
